/// Server-drawn SVG charts: horizontal bars with their labels and values, text escaped.
enum Charts {
    struct Bar {
        var label: String
        var value: Int
        /// A CSS class for the bar's colour ("speaker-3").
        var style: String
    }

    /// Bars, longest first as given, scaled to the largest value; an accessible title. `unit` is
    /// (singular, plural).
    static func bars(_ bars: [Bar], title: String, unit: (String, String)) -> String {
        let rowHeight = 22
        let labelWidth = 172
        let width = 420
        let height = max(1, bars.count) * rowHeight + 8
        let top = max(1, bars.map(\.value).max() ?? 1)
        var svg =
            "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 \(width) \(height)\" "
            + "role=\"img\" aria-label=\"\(escape(title))\"><title>\(escape(title))</title>"
        for (i, bar) in bars.enumerated() {
            let y = i * rowHeight + 4
            let length = max(2, (width - labelWidth - 90) * bar.value / top)
            svg +=
                "<text x=\"\(labelWidth - 8)\" y=\"\(y + 15)\" text-anchor=\"end\" class=\"chart-label\">"
                + "\(escape(bar.label.count > 22 ? String(bar.label.prefix(20)) + "…" : bar.label))</text>"
                + "<rect x=\"\(labelWidth)\" y=\"\(y + 3)\" width=\"\(length)\" height=\"\(rowHeight - 8)\" "
                + "class=\"bar \(escape(bar.style))\"/>"
                + "<text x=\"\(labelWidth + length + 6)\" y=\"\(y + 15)\" class=\"chart-value\">\(bar.value) \(escape(bar.value == 1 ? unit.0 : unit.1))</text>"
        }
        return svg + "</svg>"
    }

    struct Point {
        /// YYYY-MM-DD.
        var date: String
        var value: Double
        var href: String
        var label: String
    }

    /// A line through the points in time order, each point a link to the figure, with the first and
    /// last dates and the lowest and highest values on the axes.
    static func line(_ points: [Point], title: String) -> String {
        let width = 640.0
        let height = 260.0
        let left = 70.0
        let bottom = 30.0
        let dated = points.compactMap { p in day(p.date).map { (p, $0) } }
        guard let first = dated.map(\.1).min(), let last = dated.map(\.1).max(),
            let low = dated.map(\.0.value).min(), let high = dated.map(\.0.value).max()
        else { return "" }
        let spanX = max(1, last - first)
        let spanY = high > low ? high - low : max(1, abs(high))
        let base = high > low ? low : low - spanY / 2
        func x(_ d: Int) -> Double { left + (width - left - 20) * Double(d - first) / Double(spanX) }
        func y(_ v: Double) -> Double { (height - bottom - 10) - (height - bottom - 20) * (v - base) / spanY }
        var svg =
            "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart line\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" "
            + "role=\"img\" aria-label=\"\(escape(title))\"><title>\(escape(title))</title>"
            + "<line x1=\"\(left)\" y1=\"\(height - bottom)\" x2=\"\(width - 10)\" y2=\"\(height - bottom)\" class=\"axis\"/>"
            + "<line x1=\"\(left)\" y1=\"10\" x2=\"\(left)\" y2=\"\(height - bottom)\" class=\"axis\"/>"
        let path = dated.sorted { $0.1 < $1.1 }.map { "\(Int(x($0.1))),\(Int(y($0.0.value)))" }.joined(separator: " ")
        svg += "<polyline points=\"\(path)\" class=\"trend\"/>"
        for (p, d) in dated {
            svg +=
                "<a href=\"\(escape(p.href))\"><circle cx=\"\(Int(x(d)))\" cy=\"\(Int(y(p.value)))\" r=\"5\" class=\"point\">"
                + "<title>\(escape(p.label))</title></circle></a>"
        }
        let firstDate = dated.min { $0.1 < $1.1 }?.0.date ?? ""
        let lastDate = dated.max { $0.1 < $1.1 }?.0.date ?? ""
        svg +=
            "<text x=\"\(left)\" y=\"\(height - 10)\" class=\"chart-label\">\(escape(firstDate))</text>"
            + "<text x=\"\(width - 10)\" y=\"\(height - 10)\" text-anchor=\"end\" class=\"chart-label\">\(escape(lastDate))</text>"
            + "<text x=\"\(left - 6)\" y=\"\(Int(y(high)) + 4)\" text-anchor=\"end\" class=\"chart-label\">\(escape(BriefingPage.number(high)))</text>"
            + "<text x=\"\(left - 6)\" y=\"\(Int(y(low)) + 4)\" text-anchor=\"end\" class=\"chart-label\">\(escape(BriefingPage.number(low)))</text>"
        return svg + "</svg>"
    }

    /// Days since 0000-01-01 (near enough for spacing points), or nil.
    static func day(_ date: String) -> Int? {
        let parts = date.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return nil }
        return parts[0] * 372 + (parts[1] - 1) * 31 + parts[2]
    }

    /// Text safe inside SVG/HTML text and attribute values.
    static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.count)
        for ch in s {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(ch)
            }
        }
        return out
    }
}
