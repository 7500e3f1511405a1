/// Finds dates written the ways transcripts write them and returns them as YYYY-MM-DD:
/// "Dec. 9, 2019", "(June 6, 2022)", "9 June 1998", "26 de septiembre de 2019", "2021-02-19",
/// "4/1/2016".
enum DateText {
    private static let months: [String: Int] = [
        "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
        "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
        "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12,
        "dec": 12,
        "enero": 1, "febrero": 2, "marzo": 3, "abril": 4, "mayo": 5, "junio": 6, "julio": 7,
        "agosto": 8, "septiembre": 9, "setiembre": 9, "octubre": 10, "noviembre": 11, "diciembre": 12,
    ]

    private enum Token: Equatable {
        case number(Int, digits: Int)
        case word(String)
        case dash, slash
    }

    private static func tokens(_ text: String) -> [Token] {
        var out: [Token] = []
        var word = ""
        var digits = ""
        func flush() {
            if !word.isEmpty { out.append(.word(word.lowercased())); word = "" }
            if !digits.isEmpty { out.append(.number(Int(digits) ?? 0, digits: digits.count)); digits = "" }
        }
        for c in text {
            if c.isASCII, c.isNumber {
                if !word.isEmpty { flush() }
                digits.append(c)
            } else if c.isLetter {
                if !digits.isEmpty { flush() }
                word.append(c)
            } else {
                flush()
                if c == "-" { out.append(.dash) } else if c == "/" { out.append(.slash) }
            }
        }
        flush()
        return out
    }

    /// The first date found in the text, or nil.
    static func find(in text: String) -> String? {
        if let chinese = chinese(text) { return chinese }
        let t = tokens(text)
        var i = 0
        while i < t.count {
            if let date = match(t, at: i) { return date }
            i += 1
        }
        return nil
    }

    private static func match(_ t: [Token], at i: Int) -> String? {
        func number(_ k: Int) -> (Int, Int)? {
            guard k < t.count, case .number(let n, let d) = t[k] else { return nil }
            return (n, d)
        }
        func month(_ k: Int) -> Int? {
            guard k < t.count, case .word(let w) = t[k] else { return nil }
            return months[w]
        }
        // 2021-02-19
        if let (y, yd) = number(i), yd == 4, i + 4 < t.count, t[i + 1] == .dash, let (m, _) = number(i + 2),
            t[i + 3] == .dash, let (d, _) = number(i + 4)
        {
            return format(y, m, d)
        }
        // Dec. 9, 2019 / June 6 2022
        if let m = month(i), let (d, dd) = number(i + 1), dd <= 2, let (y, yd) = number(i + 2), yd == 4 {
            return format(y, m, d)
        }
        // 9 June 1998 / 26 de septiembre de 2019 / 26 de septiembre, 2019
        if let (d, dd) = number(i), dd <= 2 {
            var k = i + 1
            if k < t.count, t[k] == .word("de") { k += 1 }
            if let m = month(k) {
                k += 1
                if k < t.count, t[k] == .word("de") || t[k] == .word("del") { k += 1 }
                if let (y, yd) = number(k), yd == 4 { return format(y, m, d) }
            }
            // 4/1/2016 (United States order)
            if i + 4 < t.count, t[i + 1] == .slash, let (day, _) = number(i + 2), t[i + 3] == .slash,
                let (y, yd) = number(i + 4), yd == 4
            {
                return format(y, d, day)
            }
        }
        return nil
    }

    private static func format(_ y: Int, _ m: Int, _ d: Int) -> String? {
        guard (1900...2100).contains(y), (1...12).contains(m), (1...31).contains(d) else { return nil }
        func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(y)-\(pad(m))-\(pad(d))"
    }

    /// "2020年3月12日" (digits ASCII or full-width): the first such date, or nil.
    static func chinese(_ text: String) -> String? {
        guard text.utf8.count >= 10 else { return nil }
        let chars = Array(text)
        func digit(_ c: Character) -> Int? {
            guard let scalar = c.unicodeScalars.first, c.unicodeScalars.count == 1 else { return nil }
            switch scalar.value {
            case 0x30...0x39: return Int(scalar.value - 0x30)
            case 0xFF10...0xFF19: return Int(scalar.value - 0xFF10)  // full-width digits
            default: return nil
            }
        }
        func number(from i: Int, max: Int) -> (value: Int, end: Int)? {
            var value = 0
            var k = i
            while k < chars.count, k - i < max, let d = digit(chars[k]) {
                value = value * 10 + d
                k += 1
            }
            return k > i ? (value, k) : nil
        }
        var i = 0
        while i < chars.count {
            if let year = number(from: i, max: 4), year.end - i == 4, year.end < chars.count, chars[year.end] == "年",
                let month = number(from: year.end + 1, max: 2), month.end < chars.count, chars[month.end] == "月",
                let day = number(from: month.end + 1, max: 2), day.end < chars.count, chars[day.end] == "日",
                (1...12).contains(month.value), (1...31).contains(day.value)
            {
                func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
                return "\(year.value)-\(two(month.value))-\(two(day.value))"
            }
            i += 1
        }
        return nil
    }

    /// True when the line is essentially a date ("Dec. 9, 2019", "(June 6, 2022)",
    /// "Issued on: March 14, 2020", "21 de agosto de 2026"): a date and at most three other words.
    static func isDateLine(_ line: String) -> Bool {
        guard find(in: line) != nil else { return false }
        let words = line.split(separator: " ").count
        return words <= 8
    }
}
