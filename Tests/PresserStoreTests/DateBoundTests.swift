import Testing

@testable import PresserStore

/// `--from`/`--to` and the API's `from`/`to`: the day compared with the stored YYYY-MM-DD dates.
@Suite struct DateBoundTests {
    @Test(arguments: [
        ("2019", DateBound.Side.from, "2019-01-01"), ("2019", .to, "2019-12-31"),
        ("2019-12", .from, "2019-12-01"), ("2019-12", .to, "2019-12-31"),
        ("2019-02", .to, "2019-02-28"), ("2020-02", .to, "2020-02-29"), ("1900-02", .to, "1900-02-28"),
        ("2000-02", .to, "2000-02-29"), ("2019-04", .to, "2019-04-30"),
        ("2019-12-09", .from, "2019-12-09"), ("2019-12-09", .to, "2019-12-09"),
        ("2019-1-5", .from, "2019-01-05"), (" 2019-06 ", .from, "2019-06-01"), ("0999", .from, "0999-01-01"),
    ])
    func aDayAMonthOrAYear(text: String, side: DateBound.Side, day: String) {
        #expect(DateBound(text, side: side)?.day == day)
    }

    @Test(arguments: [
        "", "19", "20190", "2019-", "2019-13", "2019-00", "2019-02-29", "2019-04-31", "2019-12-32", "2019-12-00",
        "2019-012", "2019-12-009", "2019-12-09-01", "2019/12/09", "12-09-2019", "last week", "２０１９", "0000",
        "2019-1a", "+201",
    ])
    func anythingElseIsNotADate(text: String) {
        #expect(DateBound(text, side: .from) == nil)
        #expect(DateBound(text, side: .to) == nil)
    }
}
