/// Writes the book as an open-items export in the conventions of one of Remit's shipped layouts.
///
/// Every layout lists the same invoices and credit memos; subtotal and total rows (when the noise level
/// has them), payment rows (in the exports that list them: NetSuite, QuickBooks, Oracle) and each
/// layout's own habits (title lines, quoting, separators, number and date forms) differ.
package enum ScenarioExportLayout: String, Sendable, CaseIterable {
    case generic
    case sapFBL5N = "sap-fbl5n"
    case netsuite
    case quickbooksAging = "quickbooks-aging"
    case oracleReceivables = "oracle-receivables"

    /// The export's file name in a scenario directory, e.g. `open-items.sap-fbl5n.csv`.
    package var fileName: String {
        "open-items." + rawValue + (self == .oracleReceivables ? ".tsv" : ".csv")
    }

    func write(_ book: ScenarioBook, subtotals: Bool) -> String {
        let groups = ExportGroups(book: book)
        switch self {
        case .generic: return ExportRows.generic(groups, subtotals: subtotals)
        case .sapFBL5N: return ExportRows.sap(groups, subtotals: subtotals)
        case .netsuite: return ExportRows.netsuite(groups, subtotals: subtotals)
        case .quickbooksAging: return ExportRows.quickbooks(groups)
        case .oracleReceivables: return ExportRows.oracle(groups, subtotals: subtotals)
        }
    }
}
