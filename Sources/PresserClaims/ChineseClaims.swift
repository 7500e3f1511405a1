import PresserCore

/// The claims of a Chinese sentence: each number with its unit or measure word, qualifier
/// (近 / 约 / 左右 → approximately; 超过 / 逾 / 多 / 余 → moreThan; 至少 → atLeast; 不到 / 不足 →
/// lessThan; 最多 / 不超过 → atMost), period ("2018年", "今年前10个月", "3月11日") and change
/// ("增长6.1%", "同比下降"). Dates, years, ordinals ("第八次"), numerals inside words ("一些",
/// "统一", "一带一路") and "两国" naming the two parties are not claims.
enum ChineseClaims {
    /// Mostly Chinese: at least four Chinese characters, a third of the letters or more.
    static func applies(to sentence: String) -> Bool { ChineseText.isMostlyChinese(sentence, minimum: 4) }

    static func claims(inSentence sentence: String, date: Day?) -> [Claim] {
        let c = Array(sentence.unicodeScalars)
        let periods = ChinesePeriods.find(c, date: date)
        var covered = [Bool](repeating: false, count: c.count)
        for p in periods { for k in p.start..<p.end { covered[k] = true } }
        // Numbers inside short quotations and titles are names ("“2+2”对话", "《澜湄合作五年行动计划》").
        for (open, close) in [("“", "”"), ("《", "》"), ("\"", "\"")] as [(Unicode.Scalar, Unicode.Scalar)] {
            var k = 0
            while k < c.count {
                if c[k] == open, let end = c[(k + 1)...].prefix(24).firstIndex(of: close) {
                    for j in k...end { covered[j] = true }
                    k = end + 1
                } else {
                    k += 1
                }
            }
        }
        var out: [Claim] = []
        var i = 0
        while i < c.count {
            guard !covered[i], ChineseNumber.startsNumber(c[i]) || c[i] == "数" || c[i] == "几"
            else {
                i += 1
                continue
            }
            if let claim = quantity(c, at: i, periods: periods) {
                out.append(claim.claim)
                i = claim.end
            } else {
                // Skip the rest of this number so its tail is not read again ("2019" → "019").
                i = ChineseNumber.read(c, at: i).map { max($0.end, i + 1) } ?? i + 1
            }
        }
        return out.map { claim in
            var claim = claim
            claim.sentence = sentence
            return claim
        }
    }

    // MARK: - One quantity

    private static func quantity(
        _ c: [Unicode.Scalar], at start: Int, periods: [ChinesePeriods.Found]
    ) -> (claim: Claim, end: Int)? {
        var i = start
        var percentWord = false
        var vague: Double?  // 数十 / 几十 / 数千: "tens", "thousands"
        if has(c, "百分之", at: i) {
            percentWord = true
            i += 3
        } else if c[i] == "数" || c[i] == "几" {
            guard i + 1 < c.count, let unit = ChineseNumber.unit(c[i + 1]) ?? ChineseNumber.scale(c[i + 1]) else {
                return nil
            }
            vague = unit
        }
        let read: ChineseNumber.Read
        if let v = vague {
            var k = i + 2
            var value = v
            while k < c.count, let scale = ChineseNumber.scale(c[k]) {
                value *= scale
                k += 1
            }
            read = ChineseNumber.Read(value: value, end: k, numerals: true)
        } else {
            guard let r = ChineseNumber.read(c, at: i) else { return nil }
            read = r
        }
        guard !isPartOfWord(c, start: start, end: read.end, numerals: read.numerals) else { return nil }
        if start > 0, c[start - 1] == "第" { return nil }  // an ordinal
        var k = read.end
        var qualifier = qualifierBefore(c, start) ?? (vague != nil ? .moreThan : .exact)
        // "100多个", "两千多", "千余人", "50几名": more than.
        if k < c.count, c[k] == "多" || c[k] == "余" || c[k] == "几" {
            qualifier = .moreThan
            k += 1
            // "1.2万多" has its scale before 多; "2千多万" after.
            if k < c.count, let scale = ChineseNumber.scale(c[k]) {
                return finish(c, start, k + 1, read.value * scale, qualifier, periods, percentWord)
            }
        }
        return finish(c, start, k, read.value, qualifier, periods, percentWord)
    }

    private static func finish(
        _ c: [Unicode.Scalar], _ start: Int, _ numberEnd: Int, _ value: Double, _ qualifierIn: Claim.Qualifier,
        _ periods: [ChinesePeriods.Found], _ percentWord: Bool
    ) -> (claim: Claim, end: Int)? {
        var qualifier = qualifierIn
        var k = numberEnd
        var kind = Claim.Kind.count
        var unit: String?
        var counted: String?
        var upper: Double?
        // "80周年" is an anniversary; "2、3月份" months.
        if has(c, "周年", at: k) { return nil }
        if k + 1 < c.count, c[k] == "、", let next = ChineseNumber.read(c, at: k + 1), next.end < c.count,
            c[next.end] == "月" || c[next.end] == "日"
        {
            return nil
        }
        // "四分之一": a fraction.
        if has(c, "分之", at: k), value > 0,
            let numerator = ChineseNumber.read(c, at: k + 2)
        {
            let textStart = qualifierStart(c, start) ?? start
            let claim = Claim(
                turn: 0, speaker: nil, sentence: "",
                text: String(String.UnicodeScalarView(c[textStart..<numerator.end])),
                start: textStart, end: numerator.end, value: numerator.value / value, upper: nil, kind: .other,
                unit: nil, counted: nil, qualifier: qualifier, subject: subjectBefore(c, textStart),
                period: nearest(periods, to: textStart), change: nil)
            return (claim, numerator.end)
        }
        // "2.8%—9.7%", "2至3": a range.
        if k + 1 < c.count, c[k] == "%" || c[k] == "％",
            c[k + 1] == "—" || c[k + 1] == "-" || c[k + 1] == "至" || c[k + 1] == "到",
            let high = ChineseNumber.read(c, at: k + 2), high.end < c.count, c[high.end] == "%" || c[high.end] == "％"
        {
            upper = high.value
            k = high.end
        }
        if percentWord {
            kind = .percent
            unit = "%"
        } else if k < c.count, c[k] == "%" || c[k] == "％" {
            kind = .percent
            unit = "%"
            k += 1
        } else if has(c, "个百分点", at: k) || has(c, "百分点", at: k) {
            kind = .percentagePoint
            unit = "pp"
            k += has(c, "个百分点", at: k) ? 4 : 3
        } else if let (code, length) = currency(c, at: k) {
            kind = .currency
            unit = code
            k += length
        } else if let (name, length) = duration(c, at: k) {
            // A span that frames the time ("建交34年来", "这两天", "过去24小时内", "未来30年") is a
            // period, not a claim.
            let after = k + length
            if after < c.count, ["来", "间", "里", "内", "前", "后"].contains(c[after]) || has(c, "以来", at: after) {
                return nil
            }
            let textStart = qualifierStart(c, start) ?? start
            for frame in ["这", "那", "过去", "未来", "下一个", "新的", "最近", "短短", "近"]
            where hasBefore(c, frame, endingAt: textStart) {
                return nil
            }
            kind = .duration
            unit = name
            k += length
        } else if let (symbol, length) = measure(c, at: k) {
            kind = symbol == nil ? .other : .length
            unit = symbol
            if let symbol, let kindOfUnit = measureKinds[symbol] { kind = kindOfUnit }
            k += length
        } else if k + 1 < c.count, c[k] == "大", c[k + 1].properties.isIdeographic, !has(c, "大会", at: k) {
            // "五大举措", "三大领域": a count of a kind.
            k += 1
            counted = nounAfter(c, from: k)
            k += counted?.unicodeScalars.count ?? 0
        } else if k < c.count, let word = measureWord(c, at: k) {
            k += word
            // What is counted: the noun after the measure word, up to punctuation or a verb.
            let noun = nounAfter(c, from: k)
            counted = noun.isEmpty ? String(String.UnicodeScalarView(c[(k - word)..<k])) : noun
        } else if k < c.count, let noun = directNoun(c, at: k) {
            // "133人", "14国", "16省份": the noun right after the number; "六国", "五国" in
            // numerals name a known group ("澜湄六国").
            if noun.text == "国", ChineseNumber.digit(c[start]) == nil { return nil }
            counted = noun.text
            k += noun.length
        } else {
            // A bare number is a claim only with a scale ("2440万") or a qualifier ("超过120万",
            // "6万多"); alone it is a code, a name or a date ("911", "12308").
            let scaled = c[start..<numberEnd].contains { ChineseNumber.scale($0) != nil }
            guard scaled || qualifier != .exact || isQualifierStart(c[start]) else { return nil }
        }
        // "每530位穆斯林": a ratio; "上升了23位": a change of rank.
        if kind == .count, start > 0, c[start - 1] == "每" || changeBefore(c, start) != nil && counted == "位" {
            kind = .other
        }
        // "1个多月": 多 between the measure word and the unit.
        if kind == .count, counted == "个", k < c.count, c[k] == "多", let (name, length) = duration(c, at: k + 1) {
            kind = .duration
            unit = name
            counted = nil
            qualifier = .moreThan
            k += 1 + length
        }
        // Trailing qualifiers: "左右", "上下", "以上", "以下".
        if has(c, "左右", at: k) || has(c, "上下", at: k) {
            qualifier = .approximately
            k += 2
        } else if has(c, "以上", at: k) {
            qualifier = .moreThan
            k += 2
        } else if has(c, "以下", at: k) {
            qualifier = .lessThan
            k += 2
        }
        if kind == .count, counted == nil, ChineseNumber.digit(c[start]) == nil, !isQualifierStart(c[start]),
            c[start] != "百", k == numberEnd
        {
            return nil
        }
        let textStart = qualifierStart(c, start) ?? start
        let change = changeBefore(c, textStart)
        let period = nearest(periods, to: textStart)
        let subject = subjectBefore(c, textStart)
        let claim = Claim(
            turn: 0, speaker: nil, sentence: "", text: String(String.UnicodeScalarView(c[textStart..<k])),
            start: textStart, end: k, value: value, upper: upper, kind: kind, unit: unit,
            counted: kind == .count ? counted : nil, qualifier: qualifier, subject: subject, period: period,
            change: change)
        return (claim, k)
    }

    // MARK: - Words around a number

    /// `word` is written at `i` (no allocation: this runs at most positions of a text).
    static func has(_ c: [Unicode.Scalar], _ word: String, at i: Int) -> Bool {
        guard i >= 0 else { return false }
        var k = i
        for s in word.unicodeScalars {
            guard k < c.count, c[k] == s else { return false }
            k += 1
        }
        return true
    }

    private static func hasBefore(_ c: [Unicode.Scalar], _ word: String, endingAt i: Int) -> Bool {
        has(c, word, at: i - word.unicodeScalars.count)
    }

    /// Numerals that are part of a word, not a quantity: "一些", "统一", "一带一路", "两国", "十分".
    private static func isPartOfWord(_ c: [Unicode.Scalar], start: Int, end: Int, numerals: Bool) -> Bool {
        guard numerals, !has(c, "分之", at: end) else { return false }
        for word in wordsWithNumerals {
            let w = Array(word.unicodeScalars)
            // The word overlaps the number: it starts up to its length before the number.
            for offset in 0..<w.count where start - offset >= 0 && has(c, word, at: start - offset) {
                if start - offset + w.count > start { return true }
            }
        }
        // "一" alone before a measure word is the article "a" ("一个问题", "一项"), not a count,
        // unless a duration follows ("一个多月", "一年").
        if end - start == 1, c[start] == "一" {
            if let (_, _) = duration(c, at: end) { return false }
            if end + 1 < c.count, c[end] == "个", let (_, _) = duration(c, at: end + 1) { return false }
            if end + 2 < c.count, c[end] == "个", c[end + 1] == "多", duration(c, at: end + 2) != nil { return false }
            return true
        }
        return false
    }

    private static let wordsWithNumerals: [String] = [
        "一些", "一直", "一起", "统一", "进一步", "一带一路", "第一", "一方面", "唯一", "一贯", "万一", "一道", "一切",
        "一致", "一定", "一样", "一系列", "十分", "一国两制", "一个中国", "两国", "两岸", "两党", "两军", "两会", "两国人民",
        "一般", "一再", "一向", "一旦", "一同", "一体", "一时", "之一", "一下", "一点", "不一", "一味", "一律", "一流",
        "万众一心", "说三道四", "四分五裂", "零和", "一道", "同一", "一是", "二是", "三是", "四是", "一带", "七国集团",
        "二十国集团", "一手", "一场", "一次性", "一边", "一番", "一带", "万里", "千方百计", "百姓", "老百姓", "千万",
        "一国", "两面", "两手", "三令五申", "一以贯之", "一如既往", "一视同仁", "双重", "五四", "九一八", "一战", "二战",
        "一中", "一小撮", "一连串", "一揽子", "一度", "第二", "一员", "一环", "一分子", "百年未有", "一线", "一家",
        "一行", "一举", "一身", "一心", "一刀切", "一口", "一面", "一边倒", "十四五", "十三五", "一体化", "一路",
        "两制", "两用", "两者", "两方面", "一国之", "独一", "单一", "一贯", "一年一度", "年一度", "四处", "四面八方",
        "三番五次", "五湖四海", "一模一样", "千千万万", "成千上万", "千家万户",
    ]

    private static let qualifiersBefore: [(String, Claim.Qualifier)] = [
        ("将近", .approximately), ("接近", .approximately), ("大约", .approximately), ("近", .approximately),
        ("约", .approximately), ("超过了", .moreThan), ("超过", .moreThan), ("逾", .moreThan), ("突破", .moreThan),
        ("多于", .moreThan), ("高于", .moreThan), ("至少", .atLeast), ("不少于", .atLeast), ("不低于", .atLeast),
        ("不到", .lessThan), ("不足", .lessThan), ("少于", .lessThan), ("低于", .lessThan), ("不超过", .atMost),
        ("最多", .atMost), ("多达", .exact), ("达到", .exact), ("达", .exact),
    ]

    private static func isQualifierStart(_ s: Unicode.Scalar) -> Bool { s == "数" || s == "几" || s == "百" }

    /// The qualifier written just before the number ("约有250名" skips the 有).
    private static func qualifierBefore(_ c: [Unicode.Scalar], _ i: Int) -> Claim.Qualifier? {
        for (word, q) in qualifiersBefore {
            if hasBefore(c, word, endingAt: i) || (i > 0 && c[i - 1] == "有" && hasBefore(c, word, endingAt: i - 1)) {
                return q == .exact ? nil : q
            }
        }
        return nil
    }

    /// Where the claim's text starts: at its qualifier when one is written before it.
    private static func qualifierStart(_ c: [Unicode.Scalar], _ i: Int) -> Int? {
        for (word, q) in qualifiersBefore where q != .exact {
            let n = word.unicodeScalars.count
            if hasBefore(c, word, endingAt: i) { return i - n }
            if i > 0, c[i - 1] == "有", hasBefore(c, word, endingAt: i - 1) { return i - 1 - n }
        }
        return nil
    }

    private static let currencies: [(String, String)] = [
        ("元人民币", "CNY"), ("人民币", "CNY"), ("美元", "USD"), ("欧元", "EUR"), ("日元", "JPY"), ("英镑", "GBP"),
        ("卢布", "RUB"), ("港元", "HKD"), ("港币", "HKD"), ("澳元", "AUD"), ("元", "CNY"),
    ]

    private static func currency(_ c: [Unicode.Scalar], at k: Int) -> (String, Int)? {
        for (word, code) in currencies where has(c, word, at: k) {
            // "元" alone must not be the start of another word ("元首", "元素").
            if word == "元", k + 1 < c.count, ["首", "素", "旦", "年", "月"].contains(c[k + 1]) { return nil }
            return (code, word.unicodeScalars.count)
        }
        return nil
    }

    private static func duration(_ c: [Unicode.Scalar], at k: Int) -> (String, Int)? {
        let units: [(String, String)] = [
            ("个多月", "month"), ("个月", "month"), ("个小时", "hour"), ("小时", "hour"), ("多年", "year"),
            ("周年", ""), ("年", "year"), ("天", "day"), ("周", "week"), ("星期", "week"), ("分钟", "minute"),
        ]
        for (word, name) in units where has(c, word, at: k) {
            guard !name.isEmpty else { return nil }  // an anniversary, not a duration
            // "2019年": a year is a date, not a duration; "年代", "年底", "年初" too.
            if word == "年", k + 1 < c.count, ["代", "底", "初", "中", "末", "级", "度"].contains(c[k + 1]) { return nil }
            return (name, word.unicodeScalars.count)
        }
        return nil
    }

    private static let measureKinds: [String: Claim.Kind] = [
        "km": .length, "m": .length, "nmi": .length, "km2": .area, "ha": .area, "t": .mass, "kg": .mass,
    ]

    /// Units of measure: "12海里", "7.4级" (a magnitude: other).
    private static func measure(_ c: [Unicode.Scalar], at k: Int) -> (String?, Int)? {
        let units: [(String, String?)] = [
            ("平方公里", "km2"), ("公里", "km"), ("海里", "nmi"), ("公顷", "ha"), ("万吨", "t"), ("吨", "t"),
            ("公斤", "kg"), ("千克", "kg"), ("米", "m"), ("级", nil), ("倍", nil), ("分", nil),
        ]
        for (word, symbol) in units where has(c, word, at: k) {
            if word == "分", k + 1 < c.count, ["钟", "之", "别", "析", "子"].contains(c[k + 1]) { return nil }
            if word == "米", k + 1 < c.count, c[k + 1] == "尔" { return nil }
            return (symbol, word.unicodeScalars.count)
        }
        return nil
    }

    /// Measure words (量词) between a number and what it counts.
    private static let measureWords: Set<Unicode.Scalar> = [
        "个", "名", "位", "例", "家", "项", "艘", "架", "辆", "列", "次", "条", "座", "所", "批", "件", "份", "种", "只",
        "双", "副", "套", "台", "盒", "枚", "起", "场", "轮", "届", "点", "页", "封", "篇", "株", "头", "支", "吨", "处",
        "笔", "万",
    ]

    private static func measureWord(_ c: [Unicode.Scalar], at k: Int) -> Int? {
        guard k < c.count, measureWords.contains(c[k]) else { return nil }
        // "次" and "起" also begin words ("次日", "起来"); "点" is also "o'clock" after a numeral.
        if k + 1 < c.count, c[k] == "起", ["来", "到", "草", "步"].contains(c[k + 1]) { return nil }
        return 1
    }

    /// Nouns counted with no measure word: "133人", "14国", "16省份", "59市", "2440万".
    private static let countedNouns: Set<String> = [
        "人", "国", "省份", "省", "市", "县", "村", "户", "人次", "城市", "国家", "地区", "企业", "党员",
    ]

    private static func directNoun(_ c: [Unicode.Scalar], at k: Int) -> (text: String, length: Int)? {
        for noun in countedNouns.sorted(by: { $0.unicodeScalars.count > $1.unicodeScalars.count })
        where has(c, noun, at: k) {
            return (noun, noun.unicodeScalars.count)
        }
        return nil
    }

    /// Up to six Chinese characters after a measure word, stopping at a particle or verb.
    private static func nounAfter(_ c: [Unicode.Scalar], from k: Int) -> String {
        var end = k
        // Particles, prepositions and the first characters of common verbs end the noun.
        let stops: Set<Unicode.Scalar> = [
            "的", "在", "和", "是", "已", "被", "将", "从", "向", "为", "对", "中", "了", "共", "于", "开", "参", "提", "获",
            "受", "都", "也", "均", "正", "还", "就", "把", "到", "进", "加", "来", "去", "出", "与", "及", "等", "发", "实",
            "表", "接", "遇", "死", "失", "入", "抵", "达", "赴", "前", "同", "并", "所", "以", "可", "能", "要", "会",
        ]
        while end < c.count, end - k < 6, c[end].properties.isIdeographic, !stops.contains(c[end]) { end += 1 }
        return String(String.UnicodeScalarView(c[k..<end]))
    }

    /// "增长6.1%", "同比下降3%", "增加了"; the basis from 同比 / 年均 in the clause.
    private static func changeBefore(_ c: [Unicode.Scalar], _ i: Int) -> Claim.Change? {
        var k = i
        if k > 0, c[k - 1] == "了" { k -= 1 }
        if k > 0, c[k - 1] == "约" || c[k - 1] == "近" { k -= 1 }
        let up = ["增长", "增加", "上升", "提高", "上涨", "增幅", "扩大", "提升"]
        let down = ["下降", "减少", "降低", "下跌", "下滑", "回落", "减幅"]
        var direction: Claim.Change.Direction?
        for w in up where hasBefore(c, w, endingAt: k) { direction = .up }
        for w in down where hasBefore(c, w, endingAt: k) { direction = .down }
        guard let direction else { return nil }
        let clause = clauseStart(c, before: i)
        let text = String(String.UnicodeScalarView(c[clause..<i]))
        let basis: Claim.Change.Basis? =
            text.unicodeScalars.contains("同") && text.contains("同比")
            ? .yearOnYear
            : text.contains("年均") ? .annual : text.contains("比") && text.contains("年") ? .yearOnYear : nil
        return Claim.Change(direction: direction, basis: basis)
    }

    private static func clauseStart(_ c: [Unicode.Scalar], before i: Int) -> Int {
        var k = i
        let breaks: Set<Unicode.Scalar> = ["，", "。", "；", "：", "！", "？", ",", ";", ":", "、", "“", "”"]
        while k > 0, !breaks.contains(c[k - 1]) { k -= 1 }
        return k
    }

    /// What is measured: the words of the clause before the number, without its period, change
    /// verb, qualifier and filler ("全社会研发投入从2012年的1.03万亿元" → "全社会研发投入").
    private static func subjectBefore(_ c: [Unicode.Scalar], _ i: Int) -> String? {
        let start = clauseStart(c, before: i)
        var end = i
        // Cut at the first word that introduces the figure: a time word, verb or qualifier.
        let cuts = [
            "从", "由", "在", "为", "达到", "达", "增长", "增加", "下降", "减少", "上升", "提高", "是", "有", "共", "约", "近",
            "超过", "逾", "累计", "同比",
        ]
        var k = start + 1
        search: while k < end {
            for cut in cuts where has(c, cut, at: k) {
                end = k
                break search
            }
            k += 1
        }
        var from = start
        for lead in ["其中", "今年", "去年", "目前", "截至", "同时", "此外", "另外", "我们", "中方", "此次"]
        where has(c, lead, at: from) {
            from += lead.unicodeScalars.count
        }
        guard from < end else { return nil }
        let words = c[from..<end]
        let letters = words.filter { $0.properties.isIdeographic || $0.properties.isAlphabetic }.count
        // A date or year is not a subject.
        guard letters >= 2, letters <= 16, !words.contains(where: { ChineseNumber.digit($0) != nil }) else {
            return nil
        }
        return String(String.UnicodeScalarView(words))
    }

    /// The period written just before the figure ("2012年的1.03万亿元"), else the nearest one.
    private static func nearest(_ periods: [ChinesePeriods.Found], to i: Int) -> Claim.Period? {
        let dated = periods.filter { $0.period != nil }
        if let before = dated.filter({ $0.end <= i && i - $0.end <= 6 }).max(by: { $0.end < $1.end }) {
            return before.period
        }
        return dated.min { abs($0.start - i) < abs($1.start - i) }?.period
    }
}
