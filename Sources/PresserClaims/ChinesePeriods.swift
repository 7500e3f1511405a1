import PresserCore

/// Time expressions in a Chinese sentence, resolved against the briefing date: "2018年",
/// "2020年3月", "3月11日", "今年", "去年", "今年前10个月", "今年上半年", "过去三年", "截至5月6日".
/// Dates and clock times ("5日", "0-24时") are found too, so that their numbers are not read as
/// claims.
enum ChinesePeriods {
    struct Found {
        var start: Int
        var end: Int
        /// Nil for a date or time that only has to be kept away from the claims.
        var period: Claim.Period?
    }

    static func find(_ c: [Unicode.Scalar], date: Day?) -> [Found] {
        var out: [Found] = []
        func text(_ s: Int, _ e: Int) -> String { String(String.UnicodeScalarView(c[s..<e])) }
        func number(at i: Int, maxDigits: Int = 4) -> (value: Int, end: Int)? {
            var k = i
            var value = 0
            while k < c.count, k - i < maxDigits, let d = ChineseNumber.digit(c[k]) {
                value = value * 10 + d
                k += 1
            }
            if k > i, k < c.count, ChineseNumber.digit(c[k]) != nil { return nil }  // longer than allowed
            if k == i, let read = ChineseNumber.read(c, at: i), read.numerals, read.value < 100 {
                return (Int(read.value), read.end)
            }
            return k > i ? (value, k) : nil
        }
        func add(_ s: Int, _ e: Int, _ from: String?, _ to: String?) {
            out.append(Found(start: s, end: e, period: Claim.Period(text: text(s, e), from: from, to: to)))
        }
        func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        func day(_ y: Int, _ m: Int, _ d: Int) -> String { "\(y)-\(pad(m))-\(pad(d))" }
        func monthEnd(_ y: Int, _ m: Int) -> String { day(y, m, Day.lastDay(year: y, month: m)) }
        let thisYear = date?.year
        let todayISO = date?.iso
        // Only these characters can begin a time expression: digits, numerals, and the first
        // character of 截至 / 截止 / 今年 / 去年 / 前年 / 过去 / 目前 / 今天 / 现在 / 当前.
        func mayStart(_ s: Unicode.Scalar) -> Bool {
            if ChineseNumber.digit(s) != nil || ChineseNumber.numeral(s) != nil || ChineseNumber.unit(s) != nil {
                return true
            }
            switch s {
            case "截", "今", "去", "前", "过", "目", "现", "当": return true
            default: return false
            }
        }

        var i = 0
        while i < c.count {
            guard mayStart(c[i]) else {
                i += 1
                continue
            }
            let start = i
            var prefixUntil = false
            if ChinesePeriods.has(c, "截至", at: i) || ChinesePeriods.has(c, "截止", at: i) {
                prefixUntil = true
                i += 2
            }
            // YYYY年(M月(D日))
            if let y = number(at: i), y.end - i == 4, y.end < c.count, c[y.end] == "年" {
                var end = y.end + 1
                if let m = number(at: end, maxDigits: 2), m.end < c.count, c[m.end] == "月", (1...12).contains(m.value) {
                    end = m.end + 1
                    if let d = number(at: end, maxDigits: 2), d.end < c.count, c[d.end] == "日" || c[d.end] == "号" {
                        end = d.end + 1
                        let iso = day(y.value, m.value, d.value)
                        add(start, end, prefixUntil ? nil : iso, iso)
                    } else {
                        add(start, end, prefixUntil ? nil : day(y.value, m.value, 1), monthEnd(y.value, m.value))
                    }
                } else {
                    add(start, end, prefixUntil ? nil : "\(y.value)-01-01", "\(y.value)-12-31")
                }
                i = end
                continue
            }
            // M月D日 (the briefing's year), and M月 alone after a year word.
            if let m = number(at: i, maxDigits: 2), m.end < c.count, c[m.end] == "月", (1...12).contains(m.value),
                !(i > 0 && (c[i - 1] == "个" || ChineseNumber.digit(c[i - 1]) != nil))
            {
                var end = m.end + 1
                if let d = number(at: end, maxDigits: 2), d.end < c.count, c[d.end] == "日" || c[d.end] == "号" {
                    end = d.end + 1
                    let iso = thisYear.map { day($0, m.value, d.value) }
                    add(start, end, prefixUntil ? nil : iso, iso)
                } else if let y = thisYear {
                    add(start, end, prefixUntil ? nil : day(y, m.value, 1), monthEnd(y, m.value))
                } else {
                    out.append(Found(start: start, end: end, period: nil))
                }
                i = end
                continue
            }
            // D日 alone ("5日", "29日"): that day of the briefing's month, or of the month before
            // when the day is still to come.
            if let d = number(at: i, maxDigits: 2), d.end < c.count, c[d.end] == "日" || c[d.end] == "号",
                (1...31).contains(d.value), let today = date
            {
                var month = today.month
                var year = today.year
                if d.value > today.day {
                    month -= 1
                    if month == 0 { (month, year) = (12, year - 1) }
                }
                let iso = day(year, month, min(d.value, Day.lastDay(year: year, month: month)))
                add(start, d.end + 1, prefixUntil ? nil : iso, iso)
                i = d.end + 1
                continue
            }
            // Clock times ("24时") and days without a briefing date: kept from the claims.
            if let d = number(at: i, maxDigits: 2), d.end < c.count,
                c[d.end] == "日" || c[d.end] == "时" || c[d.end] == "号"
            {
                out.append(Found(start: start, end: d.end + 1, period: nil))
                i = d.end + 1
                continue
            }
            // 目前 / 今天 / 现在: the briefing's day; 截至目前: up to it.
            if let today = todayISO,
                let word = ["目前", "今天", "现在", "当前"].first(where: { ChinesePeriods.has(c, $0, at: i) })
            {
                add(start, i + word.unicodeScalars.count, prefixUntil ? nil : today, today)
                i += word.unicodeScalars.count
                continue
            }
            if let d = number(at: i, maxDigits: 2), d.end + 1 < c.count, c[d.end] == "-" || c[d.end] == "—",
                let e = number(at: d.end + 1, maxDigits: 2), e.end < c.count, c[e.end] == "时"
            {
                out.append(Found(start: start, end: e.end + 1, period: nil))
                i = e.end + 1
                continue
            }
            if let y = thisYear {
                // 今年前10个月 / 今年头4个月 / 今年上半年 / 今年 / 去年 / 前年
                for (word, offset) in [("今年", 0), ("去年", -1), ("前年", -2)] where ChinesePeriods.has(c, word, at: i) {
                    let year = y + offset
                    var end = i + 2
                    if let months = leadingMonths(c, at: end) {
                        end = months.end
                        add(start, end, "\(year)-01-01", monthEnd(year, months.count))
                    } else if ChinesePeriods.has(c, "上半年", at: end) {
                        end += 3
                        add(start, end, "\(year)-01-01", "\(year)-06-30")
                    } else if ChinesePeriods.has(c, "下半年", at: end) {
                        end += 3
                        add(start, end, "\(year)-07-01", "\(year)-12-31")
                    } else {
                        if ChinesePeriods.has(c, "一年", at: end) { end += 2 }
                        add(start, end, "\(year)-01-01", offset == 0 ? (date?.iso ?? "\(year)-12-31") : "\(year)-12-31")
                    }
                    i = end
                    break
                }
                if i != start { continue }
                // 过去三年 / 过去9年 / 近三年
                if ChinesePeriods.has(c, "过去", at: i), let n = number(at: i + 2, maxDigits: 2), n.end < c.count,
                    c[n.end] == "年", let d = date
                {
                    let from = Day(year: d.year - n.value, month: d.month, day: d.day)
                    add(start, n.end + 1, from.iso, d.iso)
                    i = n.end + 1
                    continue
                }
            }
            i = start + 1
        }
        return joinRanges(out, c)
    }

    /// "3月1日至5月5日", "2017年7月至2018年6月": one period from the first to the second.
    private static func joinRanges(_ found: [Found], _ c: [Unicode.Scalar]) -> [Found] {
        var out: [Found] = []
        var k = 0
        while k < found.count {
            let first = found[k]
            if k + 1 < found.count, let p = first.period, let q = found[k + 1].period,
                found[k + 1].start == first.end + 1, ["至", "到", "—", "-", "~"].contains(c[first.end])
            {
                let text = String(String.UnicodeScalarView(c[first.start..<found[k + 1].end]))
                out.append(
                    Found(
                        start: first.start, end: found[k + 1].end,
                        period: Claim.Period(text: text, from: p.from, to: q.to)))
                k += 2
                continue
            }
            out.append(first)
            k += 1
        }
        return out
    }

    /// "前10个月", "头4个月": the first months of a year.
    private static func leadingMonths(_ c: [Unicode.Scalar], at i: Int) -> (count: Int, end: Int)? {
        guard i < c.count, c[i] == "前" || c[i] == "头", let n = ChineseNumber.read(c, at: i + 1), n.value >= 1,
            n.value <= 12, has(c, "个月", at: n.end)
        else { return nil }
        return (Int(n.value), n.end + 2)
    }

    static func has(_ c: [Unicode.Scalar], _ word: String, at i: Int) -> Bool { ChineseClaims.has(c, word, at: i) }
}
