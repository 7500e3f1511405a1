/// Reads the numbers Chinese text writes: Arabic and full-width digits ("62793", "１万"), with the
/// scales 万 / 亿 / 万亿 ("4000亿" = 4e11, "231.47万" = 2,314,700, "1.22万亿" = 1.22e12),
/// Chinese numerals ("十九" = 19, "两千" = 2000, "六点一" = 6.1) and "百分之…" percentages.
enum ChineseNumber {
    /// A number read at a position: its value, where it ends (exclusive), and whether it was
    /// written in Chinese numerals only.
    struct Read: Equatable {
        var value: Double
        var end: Int
        var numerals: Bool
    }

    /// A Chinese numeral digit's value (零 〇 一 二 两 三 … 九). Switches, not dictionaries: this
    /// runs on every character of a Chinese text.
    static func numeral(_ s: Unicode.Scalar) -> Int? {
        switch s {
        case "零", "〇": 0
        case "一": 1
        case "二", "两": 2
        case "三": 3
        case "四": 4
        case "五": 5
        case "六": 6
        case "七": 7
        case "八": 8
        case "九": 9
        default: nil
        }
    }

    /// 十 百 千.
    static func unit(_ s: Unicode.Scalar) -> Double? {
        switch s {
        case "十": 10
        case "百": 100
        case "千": 1000
        default: nil
        }
    }

    /// 万 亿.
    static func scale(_ s: Unicode.Scalar) -> Double? {
        switch s {
        case "万": 1e4
        case "亿": 1e8
        default: nil
        }
    }

    /// An ASCII or full-width digit's value.
    static func digit(_ s: Unicode.Scalar) -> Int? {
        switch s.value {
        case 0x30...0x39: return Int(s.value - 0x30)
        case 0xFF10...0xFF19: return Int(s.value - 0xFF10)
        default: return nil
        }
    }

    static func isNumeral(_ s: Unicode.Scalar) -> Bool {
        numeral(s) != nil || unit(s) != nil || scale(s) != nil
    }

    /// Starts a number: a digit, or a Chinese numeral.
    static func startsNumber(_ s: Unicode.Scalar) -> Bool {
        digit(s) != nil || numeral(s) != nil || unit(s) != nil
    }

    /// Reads the number that starts at `i`, or nil.
    static func read(_ c: [Unicode.Scalar], at i: Int) -> Read? {
        guard i < c.count else { return nil }
        if digit(c[i]) != nil { return readArabic(c, at: i) }
        return readNumerals(c, at: i)
    }

    /// "62793", "1,318", "4000亿", "1.22万亿", "１万", "3千".
    private static func readArabic(_ c: [Unicode.Scalar], at i: Int) -> Read? {
        var k = i
        var text = ""
        var seenPoint = false
        while k < c.count {
            if let d = digit(c[k]) {
                text.append(Character(String(d)))
            } else if (c[k] == "." || c[k] == "．"), !seenPoint, k + 1 < c.count, digit(c[k + 1]) != nil {
                text.append(".")
                seenPoint = true
            } else if c[k] == ",", !seenPoint, k + 3 < c.count, (1...3).allSatisfy({ digit(c[k + $0]) != nil }) {
                // a thousands separator
            } else {
                break
            }
            k += 1
        }
        guard var value = Double(text) else { return nil }
        // A unit or scale after the digits: "3千", "4000亿", "1.22万亿".
        if k < c.count, let unit = unit(c[k]), c[k] != "十" || value < 10 {
            value *= unit
            k += 1
        }
        while k < c.count, let scale = scale(c[k]) {
            value *= scale
            k += 1
        }
        return Read(value: value, end: k, numerals: false)
    }

    /// "十九", "两千", "二十三", "三万五千", "六点一", "一百二十万".
    private static func readNumerals(_ c: [Unicode.Scalar], at i: Int) -> Read? {
        var total = 0.0  // completed 亿 / 万 groups
        var section = 0.0  // below 万
        var pending: Double?  // a digit waiting for its unit
        var k = i
        var read = false
        while k < c.count {
            let s = c[k]
            if let d = numeral(s) {
                if pending != nil {
                    // "一二" is not a number; "零" between digits is a placeholder.
                    if d == 0 { k += 1; continue }
                    break
                }
                pending = Double(d)
            } else if let unit = unit(s) {
                section += (pending ?? 1) * unit
                pending = nil
            } else if let scale = scale(s) {
                guard read else { return nil }
                section += pending ?? 0
                pending = nil
                if scale == 1e8 {
                    total = (total + section) * scale
                } else {
                    total += section * scale
                }
                section = 0
            } else if s == "点", let p = pending ?? (section > 0 ? 0 : nil), k + 1 < c.count,
                numeral(c[k + 1]) != nil
            {
                // "六点一": a decimal point between numerals.
                var fraction = ""
                var j = k + 1
                while j < c.count, let d = numeral(c[j]) {
                    fraction.append(Character(String(d)))
                    j += 1
                }
                let whole = section + p
                return Read(value: whole + (Double("0." + fraction) ?? 0), end: j, numerals: true)
            } else {
                break
            }
            read = true
            k += 1
        }
        guard read else { return nil }
        return Read(value: total + section + (pending ?? 0), end: k, numerals: true)
    }
}
