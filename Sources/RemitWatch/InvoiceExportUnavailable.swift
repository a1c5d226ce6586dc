/// `--once` found no invoice export to use.
package struct InvoiceExportUnavailable: Error, CustomStringConvertible {
    package var problem: String
    package var description: String { problem }
}
