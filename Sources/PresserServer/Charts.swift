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
