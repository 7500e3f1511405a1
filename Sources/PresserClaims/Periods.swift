import PresserCore

/// A time expression in a sentence, its token span, and the dates it covers.
struct PeriodRead: Sendable, Equatable {
    var start: Int
    var end: Int
    var period: Claim.Period
}

/// A calendar day, for resolving relative periods against the briefing date.
struct Day: Sendable, Equatable, Comparable {
    var year: Int
    var month: Int
    var day: Int

    init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// "2019-12-09"
    init?(iso: String?) {
        guard let iso else { return nil }
        let parts = iso.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return nil }
        self.init(year: parts[0], month: parts[1], day: parts[2])
    }

    var iso: String {
        func pad(_ n: Int, _ width: Int) -> String {
            let s = String(n)
            return String(repeating: "0", count: max(0, width - s.count)) + s
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    static func < (a: Day, b: Day) -> Bool { (a.year, a.month, a.day) < (b.year, b.month, b.day) }

    static func lastDay(year: Int, month: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01 (proleptic Gregorian), for weekdays.
    var ordinal: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    /// 0 for Monday … 6 for Sunday.
    var weekday: Int { ((ordinal % 7) + 7 + 3) % 7 }

    /// The day `n` days earlier (or later, for negative `n`).
    func minus(days n: Int) -> Day {
        var d = self
        var left = n
        while left > 0 {
            if d.day > 1 {
                let step = min(left, d.day - 1)
                d.day -= step
                left -= step
            } else {
                d = d.minus(months: 1)
                d.day = Day.lastDay(year: d.year, month: d.month)
                left -= 1
            }
        }
        while left < 0 {
            let last = Day.lastDay(year: d.year, month: d.month)
            if d.day < last {
                let step = min(-left, last - d.day)
                d.day += step
                left += step
            } else {
                d = d.minus(months: -1)
                d.day = 1
                left += 1
            }
        }
        return d
    }

    /// The same day some months earlier (clamped to the month's length).
    func minus(months: Int) -> Day {
        let index = year * 12 + (month - 1) - months
        let y = index / 12
        let m = index % 12 + 1
        return Day(year: y, month: m, day: min(day, Day.lastDay(year: y, month: m)))
    }
}

enum Periods {
    static let months: [String: Int] = [
        "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
        "september": 9, "october": 10, "november": 11, "december": 12, "jan": 1, "feb": 2, "mar": 3, "apr": 4,
        "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
        "enero": 1, "febrero": 2, "marzo": 3, "abril": 4, "mayo": 5, "junio": 6, "julio": 7, "agosto": 8,
        "septiembre": 9, "setiembre": 9, "octubre": 10, "noviembre": 11, "diciembre": 12,
    ]
    private static let ordinals: [String: Int] = [
        "first": 1, "second": 2, "third": 3, "fourth": 4, "primer": 1, "primero": 1, "segundo": 2, "tercer": 3,
        "tercero": 3, "cuarto": 4,
    ]

    /// Words that can begin a time expression (besides month names and years).
    private static let weekdays: [String: Int] = [
        "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
        "lunes": 0, "martes": 1, "miércoles": 2, "jueves": 3, "viernes": 4, "sábado": 5, "domingo": 6,
    ]

    private static let triggers: Set<String> = [
        "this", "last", "next", "este", "el", "so", "first", "second", "third", "fourth", "primer", "primero",
        "segundo", "tercer", "tercero", "cuarto", "past", "previous", "últimos", "últimas", "pasados", "coming",
        "próximos", "próximas", "siguientes", "from", "between", "entre", "de", "desde", "since", "by", "para",
        "today", "hoy", "as", "thus", "to", "hasta", "at", "early", "late", "now", "the", "monday", "tuesday",
        "wednesday", "thursday",
        "friday",
        "saturday", "sunday", "lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo",
    ]

    /// `triggers` and the month names, by their bytes.
    private static let startWords = PackedWords(triggers.union(months.keys))

    // What each kind of time expression opens with, looked up by the word's bytes: these are
    // tested on every trigger word ("the", "to", "at" …), and as array literals each test had
    // built and freed an array (with the test below, Periods.find 0.44 → 0.19 ms a briefing).
    private static let weekOpeners = PackedWords(["this", "last", "next", "the"])
    /// After a week opener ("the" above all): tested as an array literal, each test made an array.
    private static let weekWords = PackedWords(["week", "weekend"])
    private static let yearOpeners = PackedWords(["this", "last", "next", "este", "el"])
    private static let ordinalWords = PackedWords(ordinals.keys)
    private static let backwardWords = PackedWords(["past", "last", "previous", "últimos", "últimas", "pasados"])
    private static let forwardWords = PackedWords(["next", "coming", "próximos", "próximas", "siguientes"])
    private static let yearRangeOpeners = PackedWords(["from", "between", "entre", "de", "desde"])
    private static let sinceWords = PackedWords(["since", "desde"])
    private static let monthRangeOpeners = PackedWords(["from", "de"])
    private static let edgeWords = PackedWords(["early", "late"])
    private static let todayWords = PackedWords(["today", "hoy"])
    private static let weekdayTable = PackedTable(weekdays)
    private static let monthTable = PackedTable(months)

    static func year(_ token: Token) -> Int? {
        guard token.isNumber, token.text.unicodeScalars.count == 4, let y = Int(token.text), (1900...2100).contains(y)
        else { return nil }
        return y
    }

    private static func yearRange(_ y: Int) -> (String, String) { ("\(y)-01-01", "\(y)-12-31") }

    private static func monthRange(_ y: Int, _ m: Int) -> (String, String) {
        let first = Day(year: y, month: m, day: 1)
        return (first.iso, Day(year: y, month: m, day: Day.lastDay(year: y, month: m)).iso)
    }

    /// Every time expression in the sentence, left to right, resolved against `date`.
    static func find(_ t: [Token], sentence: [Unicode.Scalar], date: Day?, spanish: Bool) -> [PeriodRead] {
        var out: [PeriodRead] = []
        var i = 0
        func text(_ s: Int, _ e: Int) -> String {
            String(scalars: sentence[t[s].start..<t[e - 1].end])
        }
        func w(_ k: Int) -> String { k >= 0 && k < t.count ? t[k].lower : "" }
        func add(_ s: Int, _ e: Int, _ from: String?, _ to: String?) {
            out.append(PeriodRead(start: s, end: e, period: Claim.Period(text: text(s, e), from: from, to: to)))
            i = e
        }
        while i < t.count {
            let here = w(i)
            // Only a year or one of these words can start a time expression. (Looked up by their
            // bytes, not by hashing every word as a `String`.)
            guard t[i].isNumber ? year(t[i]) != nil : t[i].isOne(of: startWords) else {
                i += 1
                continue
            }
            // "as of today", "so far", "to date", "thus far", "as of this morning": up to the briefing.
            if let date {
                var span = 0
                if here == "as", w(i + 1) == "of", ["today", "now", "yesterday"].contains(w(i + 2)) { span = 3 }
                if here == "as", w(i + 1) == "of", w(i + 2) == "this",
                    ["morning", "week", "afternoon"].contains(w(i + 3))
                {
                    span = 4
                }
                if here == "so" || here == "thus", w(i + 1) == "far", w(i + 2) != "this" { span = 2 }
                if here == "to", w(i + 1) == "date" { span = 2 }
                if here == "at", w(i + 1) == "the", w(i + 2) == "present", w(i + 3) == "moment" { span = 4 }
                if here == "at", w(i + 1) == "this", ["point", "moment", "time"].contains(w(i + 2)) { span = 3 }

                if here == "hasta", w(i + 1) == "ahora" || w(i + 1) == "hoy" { span = 2 }
                if span > 0 {
                    add(i, i + span, nil, date.iso)
                    continue
                }
            }
            // "At present, there are 21 airports": the briefing day.
            if let date, here == "at", w(i + 1) == "present" {
                add(i, i + 2, date.iso, date.iso)
                continue
            }
            // "there are now 20,000 mosques": the briefing day; "has now exceeded 3,000": up to it.
            if let date, here == "now", i > 0, !["from", "until", "till", "by", "right"].contains(w(i - 1)) {
                let perfect = ["has", "have", "had"].contains(w(i - 1))
                add(i, i + 1, perfect ? nil : date.iso, date.iso)
                continue
            }
            // "this morning", "this afternoon", "tonight": the briefing day.
            if let date, here == "this", ["morning", "afternoon", "evening"].contains(w(i + 1)) {
                add(i, i + 2, date.iso, date.iso)
                continue
            }
            // "at the end of this year", "at the end of 2023", "at the end of March": that day.
            if here == "at", w(i + 1) == "the", w(i + 2) == "end", w(i + 3) == "of" {
                let k = i + 4
                if k < t.count, let y = year(t[k]) {
                    add(i, k + 1, "\(y)-12-31", "\(y)-12-31")
                    continue
                }
                if let date, ["this", "the"].contains(w(k)), w(k + 1) == "year" {
                    add(i, k + 2, "\(date.year)-12-31", "\(date.year)-12-31")
                    continue
                }
                if let date, let m = months[w(k)] {
                    let day = Day(year: date.year, month: m, day: Day.lastDay(year: date.year, month: m)).iso
                    add(i, k + 1, day, day)
                    continue
                }
            }
            // Weeks, Monday to Sunday: "this week", "last week", "next week", "this weekend",
            // "by the end of this week", "before the end of the weekend".
            if let date, t[i].isOne(of: weekOpeners), i + 1 < t.count, t[i + 1].isOne(of: weekWords) {
                let monday = date.minus(days: date.weekday)
                let shift = here == "last" ? -7 : (here == "next" ? 7 : 0)
                let start = monday.minus(days: -shift)
                let sunday = start.minus(days: -6)
                var first = w(i + 1) == "weekend" ? start.minus(days: -5) : start
                var last = sunday
                // Said early in the week, "this weekend" is the one just past.
                if w(i + 1) == "weekend", here == "this", date.weekday <= 2 {
                    first = first.minus(days: 7)
                    last = last.minus(days: 7)
                }
                var s = i
                var from: String? = first.iso
                if s >= 3, w(s - 1) == "of", w(s - 2) == "end", w(s - 3) == "the" {
                    s -= 3
                    from = nil
                    if s >= 1, ["by", "before", "until", "through"].contains(w(s - 1)) { s -= 1 }
                }
                add(s, i + 2, from.map { _ in first.iso }, last.iso)
                continue
            }
            // Days of the week: the latest such day up to the briefing ("On Saturday, we set a record").
            if let date, let weekday = t[i].key.flatMap({ weekdayTable[key: $0] }), t[i].text.first?.isUppercase == true
            {
                let back = (date.weekday - weekday + 7) % 7
                let day = date.minus(days: back).iso
                let s = i > 0 && ["on", "el"].contains(w(i - 1)) ? i - 1 : i
                add(s, i + 1, day, day)
                continue
            }
            // Relative years.
            if t[i].isOne(of: yearOpeners) || here == "so" && w(i + 1) == "far" {
                var k = i
                if here == "so" { k += 2; if w(k) != "this" { i += 1; continue } }
                if ["year", "año"].contains(w(k + 1)), let date {
                    let shift = w(k) == "last" ? -1 : (w(k) == "next" ? 1 : 0)
                    if w(k) == "el", w(k + 2) == "pasado" {
                        let r = yearRange(date.year - 1)
                        add(i, k + 3, r.0, r.1)
                        continue
                    }
                    if w(k) != "el" {
                        let r = yearRange(date.year + shift)
                        add(i, k + 2, r.0, r.1)
                        continue
                    }
                }
                if ["month", "mes"].contains(w(k + 1)), w(k) != "el", let date {
                    let d = w(k) == "last" ? date.minus(months: 1) : date
                    let r = monthRange(d.year, d.month)
                    add(i, k + 2, r.0, r.1)
                    continue
                }
            }
            // "the first 10 months (of this year | of 2019)", "the first half", "the second quarter".
            if here == "first" || t[i].isOne(of: ordinalWords) {
                var k = i + 1
                var count = 1
                if let n = NumberReader.read(t, at: k, spanish: spanish), !n.looksLikeYear, n.value >= 1, n.value <= 12
                {
                    count = Int(n.value)
                    k = n.end
                }
                let unit = w(k)
                if ["months", "month", "quarter", "quarters", "half", "meses", "trimestre", "semestre"].contains(unit) {
                    var targetYear = date?.year
                    var e = k + 1
                    if ["of", "de", "del"].contains(w(e)) {
                        if let y = (e + 1 < t.count ? Periods.year(t[e + 1]) : nil) {
                            targetYear = y
                            e += 2
                        } else if ["this", "este"].contains(w(e + 1)), ["year", "año"].contains(w(e + 2)) {
                            e += 3
                        } else if w(e + 1) == "the", w(e + 2) == "year" {
                            e += 3
                        }
                    } else if w(e) == "this", w(e + 1) == "year" {
                        e += 2
                    }
                    let start =
                        i > 0 && ["the", "in", "during", "for", "los", "el", "en"].contains(w(i - 1)) ? i - 1 : i
                    if let y = targetYear {
                        let position = ordinals[here] ?? 1
                        var firstMonth = 1
                        var lastMonth = count
                        switch unit {
                        case "quarter", "quarters", "trimestre":
                            firstMonth = here == "first" && count > 1 ? 1 : (position - 1) * 3 + 1
                            lastMonth = here == "first" && count > 1 ? count * 3 : position * 3
                        case "half", "semestre":
                            firstMonth = (position - 1) * 6 + 1
                            lastMonth = position * 6
                        default: break
                        }
                        if lastMonth <= 12 {
                            add(start, e, "\(y)-\(pad(firstMonth))-01", monthRange(y, lastMonth).1)
                            continue
                        }
                    }
                }
            }
            // A span reaching back from the briefing ("the past three years", "over the last 12 months",
            // "in the last 36 hours", "the past decade") or forward from it ("over the next 10 years",
            // "in the coming months").
            let backward = t[i].isOne(of: backwardWords)
            let forward = t[i].isOne(of: forwardWords)
            if backward || forward, let date {
                var k = i + 1
                var count = 1.0
                if let n = NumberReader.read(t, at: k, spanish: spanish), !n.looksLikeYear {
                    count = n.value
                    k = n.end
                }
                let unit = w(k)
                let months: Double? =
                    ["years", "year", "años"].contains(unit)
                    ? 12
                    : ["months", "month", "meses"].contains(unit)
                        ? 1 : ["decade", "decades"].contains(unit) ? 120 : nil
                let days: Int? =
                    ["days", "day", "días"].contains(unit)
                    ? 1
                    : ["weeks", "week", "semanas"].contains(unit) ? 7 : ["hours", "horas"].contains(unit) ? 0 : nil
                let start =
                    i > 0 && ["the", "over", "in", "during", "for", "los", "las", "within"].contains(w(i - 1))
                    ? (i > 1 && ["over", "in", "during", "for", "within"].contains(w(i - 2)) ? i - 2 : i - 1) : i
                let counted = k > i + 1 || ["year", "decade", "month", "day", "week"].contains(unit)
                // Hours reach whole days: "the last 36 hours" starts the day before.
                let spanDays = days.map {
                    $0 == 0 ? max(1, Int((count / 24).rounded(.up)) - (backward ? 1 : 0)) : Int(count) * $0
                }
                if counted, let months {
                    let other = date.minus(months: Int(count * months) * (backward ? 1 : -1))
                    add(start, k + 1, backward ? other.iso : date.iso, backward ? date.iso : other.iso)
                    continue
                }
                if counted, let spanDays {
                    let other = date.minus(days: spanDays * (backward ? 1 : -1))
                    add(start, k + 1, backward ? other.iso : date.iso, backward ? date.iso : other.iso)
                    continue
                }
            }
            // "from 2014 to 2018", "between 2014 and 2018", "entre 2025 y 2026", "2014-2018".
            if t[i].isOne(of: yearRangeOpeners), i + 3 < t.count, let y1 = year(t[i + 1]),
                ["to", "and", "through", "until", "y", "a", "-", "–", "al", "hasta"].contains(w(i + 2)),
                let y2 = year(t[i + 3]),
                y2 > y1
            {
                add(i, i + 4, yearRange(y1).0, yearRange(y2).1)
                continue
            }
            if let y1 = year(t[i]), i + 2 < t.count, ["-", "–"].contains(t[i + 1].text), !t[i + 1].spaceBefore,
                let y2 = year(t[i + 2]), y2 > y1
            {
                add(i, i + 3, yearRange(y1).0, yearRange(y2).1)
                continue
            }
            // "since 2014", "desde 2014"
            if t[i].isOne(of: sinceWords), i + 1 < t.count, let y = year(t[i + 1]) {
                add(i, i + 2, yearRange(y).0, date?.iso)
                continue
            }
            // "since the end of 2018", "since the end of last year": from that day to the briefing.
            if here == "since", w(i + 1) == "the", w(i + 2) == "end", w(i + 3) == "of" {
                if i + 4 < t.count, let y = year(t[i + 4]) {
                    add(i, i + 5, "\(y)-12-31", date?.iso)
                    continue
                }
                if let date, w(i + 4) == "last", w(i + 5) == "year" {
                    add(i, i + 6, "\(date.year - 1)-12-31", date.iso)
                    continue
                }
            }
            // "Since the 18th National Congress of CPC,": from an event the text does not date.
            if here == "since", w(i + 1) == "the", let date {
                var k = i + 2
                while k < t.count, t[k].kind != .sign, k - i < 10 { k += 1 }
                if k < t.count, t[k].is(sign: ","), k > i + 2 {
                    add(i, k, nil, date.iso)
                    continue
                }
            }
            // "from January to October this year", "de enero a octubre".
            if t[i].isOne(of: monthRangeOpeners), let m1 = months[w(i + 1)],
                ["to", "through", "a", "until"].contains(w(i + 2)),
                let m2 = months[w(i + 3)], m2 > m1
            {
                var y = date?.year
                var e = i + 4
                if e < t.count, let explicit = year(t[e]) {
                    y = explicit
                    e += 1
                } else if ["this", "este"].contains(w(e)), ["year", "año"].contains(w(e + 1)) {
                    e += 2
                }
                if let y {
                    add(i, e, monthRange(y, m1).0, monthRange(y, m2).1)
                    continue
                }
            }
            // "by 2020", "by the end of 2020", "by the end of May", "by the end of the year".
            if here == "by" || (here == "para" && i + 1 < t.count && year(t[i + 1]) != nil) {
                var k = i + 1
                if w(k) == "the", w(k + 1) == "end", w(k + 2) == "of" { k += 3 }
                if k < t.count, let y = year(t[k]) {
                    add(i, k + 1, nil, yearRange(y).1)
                    continue
                }
                if let m = months[w(k)], m != 5 || t[k].text == "May", let date {
                    add(i, k + 1, nil, monthRange(date.year, m).1)
                    continue
                }
                if w(k) == "the" || w(k) == "this", w(k + 1) == "year", let date {
                    add(i, k + 2, nil, yearRange(date.year).1)
                    continue
                }
            }
            // A month, maybe with a year: "in March", "March 2020", "en enero". A month with a day
            // number is a date, not a period of a figure.
            if let m = t[i].key.flatMap({ monthTable[key: $0] }), here != "may" || t[i].text == "May",
                here.count > 3 || t[i].text.first?.isUppercase == true
            {
                let nextIsDay = i + 1 < t.count && t[i + 1].isNumber && (Int(t[i + 1].text) ?? 99) <= 31
                let previousIsDay = i > 1 && w(i - 1) == "de" && t[i - 2].isNumber
                if !nextIsDay && !previousIsDay {
                    var y = date?.year
                    var e = i + 1
                    if i + 1 < t.count, let explicit = Periods.year(t[i + 1]) {
                        y = explicit
                        e = i + 2
                    } else if ["of", "de", "del"].contains(w(i + 1)), i + 2 < t.count,
                        let explicit = Periods.year(t[i + 2])
                    {
                        y = explicit
                        e = i + 3
                    }
                    let start = i > 0 && ["in", "during", "for", "en", "of", "since"].contains(w(i - 1)) ? i - 1 : i
                    // "in March and April": both months.
                    if ["and", "y", "to", "through"].contains(w(e)), let m2 = months[w(e + 1)], m2 > m, let y {
                        add(start, e + 2, monthRange(y, m).0, monthRange(y, m2).1)
                        continue
                    }
                    if let y {
                        let r = monthRange(y, m)
                        add(start, e, r.0, w(start) == "since" ? date?.iso : r.1)
                        continue
                    }
                }
            }
            // "in early 2014", "late 2019": the start or the end of the year.
            if t[i].isOne(of: edgeWords), i + 1 < t.count, let y = year(t[i + 1]) {
                let s = i > 0 && ["in", "by", "until"].contains(w(i - 1)) ? i - 1 : i
                if here == "early" { add(s, i + 2, "\(y)-01-01", nil) } else { add(s, i + 2, nil, "\(y)-12-31") }
                continue
            }
            // A year: "in 2018", "2018", "en 2024".
            if let y = year(t[i]) {
                // Part of a date ("June 6, 2022", "21 de agosto de 2026"): the day itself.
                if i >= 3, t[i - 1].is(sign: ","), t[i - 2].isNumber, let m = months[w(i - 3)] {
                    let d = Int(t[i - 2].text) ?? 1
                    let day = Day(year: y, month: m, day: min(d, 31)).iso
                    out.append(
                        PeriodRead(
                            start: i - 3, end: i + 1, period: Claim.Period(text: text(i - 3, i + 1), from: day, to: day)
                        ))
                    i += 1
                    continue
                }
                let start =
                    i > 0
                        && ["in", "during", "for", "of", "en", "durante", "del", "throughout", "through"].contains(
                            w(i - 1))
                    ? i - 1 : i
                let r = yearRange(y)
                add(start, i + 1, r.0, r.1)
                continue
            }
            if t[i].isOne(of: todayWords), let date {
                add(i, i + 1, date.iso, date.iso)
                continue
            }
            i += 1
        }
        return out
    }

    private static func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
}
