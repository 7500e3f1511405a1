import ArgumentParser
import Foundation
import PresserExport

/// The three formats of the store commands.
enum TableFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json, csv
}

/// Rows for a terminal table (columns padded to the widest cell as the terminal shows it: a Chinese
/// character takes two columns), CSV (RFC 4180) or, from the same values, JSON.
struct OutputTable {
    var headers: [String]
    var rows: [[String]]

    var text: String {
        let widths = headers.indices.map { c in
            ([headers[c]] + rows.map { c < $0.count ? $0[c] : "" }).map(TerminalWidth.of).max() ?? 0
        }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { c, cell in
                c == cells.count - 1 ? cell : TerminalWidth.padded(cell, to: widths[c])
            }.joined(separator: "  ")
        }
        return ([line(headers)] + rows.map(line)).joined(separator: "\n") + "\n"
    }

    var csv: String { CSVExport.csv([headers] + rows) }

    /// Writes the table as text or CSV, or `values` as a JSON array.
    static func write(_ format: TableFormat, table: () -> OutputTable, json values: some Encodable) {
        let out: String
        switch format {
        // No rows: nothing (the command says on standard error that nothing matched), where CSV
        // keeps its header line and JSON is `[]`.
        case .table:
            let made = table()
            out = made.rows.isEmpty ? "" : made.text
        case .csv: out = table().csv
        case .json:
            out = ((try? PrettyJSON.encode(values)).map { String(decoding: $0, as: UTF8.self) } ?? "[]") + "\n"
        }
        FileHandle.standardOutput.write(Data(out.utf8))
    }
}

/// "▁▂▅█": values as a terminal sparkline, lowest to highest.
func sparkline(_ values: [Double]) -> String {
    let bars = Array("▁▂▃▄▅▆▇█")
    guard let low = values.min(), let high = values.max(), high > low else {
        return String(repeating: "▄", count: values.count)
    }
    return String(values.map { bars[min(7, Int((($0 - low) / (high - low)) * 7.999))] })
}
