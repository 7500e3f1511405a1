import ArgumentParser
import Foundation
import PresserCore
import PresserStore

extension Presser {
    struct Timeline: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Every figure about a subject across the stored briefings, in order of the period it is about.",
            discussion: """
                SUBJECT is matched against what each figure measures or counts ("poverty
                incidence", "tourists", "unemployment rate"). Figures that state a change ("up
                6.1%") are left out: the timeline is of levels. The table ends with a
                sparkline of the values (one unit). A briefing that repeats another almost
                whole (list --twins) is left out, so a figure is not shown twice.

                Example:
                  presser timeline "unemployment rate" --unit %
                """
        )

        @OptionGroup var store: DatabaseOption
        @Option(help: "Only figures in this unit (%, USD, CNY, km…).") var unit: String?
        @Option(name: .shortAndLong, help: "Output format: table, json or csv.") var format: TableFormat = .table
        @Argument(help: "What is measured.") var subject: [String]

        func validate() throws {
            // An empty subject matched every figure in the store: a table of all of them.
            if subject.joined().allSatisfy({ !$0.isLetter && !$0.isNumber }) {
                throw ValidationError("Give the subject: words of what is measured, such as \"unemployment rate\".")
            }
        }

        func run() async throws {
            let about = subject.joined(separator: " ")
            let points = try await store.withStore { briefings in
                try await storeCall { () throws(StoreError) in try await briefings.timeline(subject: about, unit: unit)
                }
            }
            if points.isEmpty {
                printError("presser: no stored figure about “\(about)”" + (unit.map { " in \($0)" } ?? ""))
            }
            OutputTable.write(
                format,
                table: {
                    var table = OutputTable(
                        headers: ["period", "briefing", "date", "value", "as said", "subject"],
                        rows: points.map {
                            [
                                $0.periodText ?? "(no period)", "#\($0.briefing)", $0.date ?? "",
                                ClaimTable.format($0.value) + ($0.unit.map { " \($0)" } ?? ""), $0.text,
                                $0.subject ?? "",
                            ]
                        })
                    let units = Set(points.map(\.unit))
                    if points.count > 1, units.count == 1 {
                        table.rows.append(["", "", "", sparkline(points.map(\.value)), "", ""])
                    }
                    return table
                }, json: points)
        }
    }
}
