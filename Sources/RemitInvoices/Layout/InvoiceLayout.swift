/// How one ERP's open-item export is written: separator, encoding, which columns hold what, and how
/// numbers and dates look.
///
/// Layouts are data, kept as JSON files under `mappings/layouts/` (see `docs/invoice-layouts.md`), so a new
/// ERP or a changed export needs a new file rather than new code. Load one with `load(path:)` or
/// `resolve(nameOrPath:mappingsDirectory:)`; both refuse a file with a bad field, naming the file and field.
public struct InvoiceLayout: Sendable, Hashable {
    /// The layout's name, e.g. `generic`; defaults to the file name without `.json`.
    public var name: String
    /// A line saying which export this layout is for.
    public var summary: String
    /// The field separator byte (ASCII).
    public var separator: UInt8
    public var encoding: TextEncoding
    /// Records to ignore before the header record (report titles, blank lines).
    public var skipLines: Int
    /// Accepted header spellings per field, in order of preference.
    public var columns: [InvoiceField: [String]]
    /// Fields whose column must exist and whose cells must not be empty. Always holds `invoice_number`
    /// and `amount`.
    public var requiredFields: Set<InvoiceField>
    /// The currency of rows without a currency cell.
    public var defaultCurrency: String?
    public var numbers: NumberFormat
    /// Accepted date formats, tried in order; the first that matches a cell wins.
    public var dateFormats: [DatePattern]
    /// Rules for rows that are not invoices, tried in order.
    public var skipRules: [SkipRule]
    /// Where the layout was loaded from; empty for one built in code.
    public var source: String

    /// A layout built in code; values are taken as given, without the checks `load(path:)` makes.
    public init(
        name: String, summary: String = "", separator: UInt8 = UInt8(ascii: ","), encoding: TextEncoding = .utf8,
        skipLines: Int = 0, columns: [InvoiceField: [String]], requiredFields: Set<InvoiceField> = [],
        defaultCurrency: String? = nil, numbers: NumberFormat = NumberFormat(), dateFormats: [DatePattern],
        skipRules: [SkipRule] = [], source: String = ""
    ) {
        self.name = name
        self.summary = summary
        self.separator = separator
        self.encoding = encoding
        self.skipLines = skipLines
        self.columns = columns
        self.requiredFields = requiredFields.union(InvoiceField.alwaysRequired)
        self.defaultCurrency = defaultCurrency
        self.numbers = numbers
        self.dateFormats = dateFormats
        self.skipRules = skipRules
        self.source = source
    }

    /// The CSV options this layout implies.
    public var csvOptions: CSVReader.Options {
        CSVReader.Options(separator: separator, encoding: encoding)
    }
}
