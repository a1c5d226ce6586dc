import RemitCore

/// Every problem the ISO 20022 reader reports, built in one place so codes and wording stay consistent.
///
/// Codes are stable (`iso20022.xml`, `iso20022.amount`, ...). Locations carry the line and the element path.
enum ISO20022Diagnostics {
    // MARK: The document

    static func malformed(_ message: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .error, code: "iso20022.xml", "not well-formed XML: \(message); reading stopped", at: location,
            hint: "an invalid byte for the declared encoding, a cut-off file or a tag mismatch")
    }

    static func forbidden(_ what: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .error, code: "iso20022.forbidden",
            "the file contains \(what); refused, reading stopped", at: location,
            hint: "ISO 20022 messages never carry a DTD or entities; this file may be an attack (XXE, entity expansion)"
        )
    }

    static func tooDeep(limit: Int, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .error, code: "iso20022.nesting", "elements nested deeper than \(limit) levels; reading stopped",
            at: location, hint: "ISO 20022 messages nest about 20 levels at most")
    }

    static func tagTooLong(limit: Int, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .error, code: "iso20022.tag-too-long",
            "markup from this '<' runs over \(limit) bytes without its '>'; refused, reading stopped", at: location,
            hint: "ISO 20022 tags are short; a tag with thousands of attributes is an attack on the XML parser")
    }

    static func unreadable(_ error: any Error, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, code: "iso20022.read", "cannot read the file: \(error); reading stopped", at: location)
    }

    static func notISO20022(root: String, namespace: String?, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .error, code: "iso20022.not-iso20022",
            "root element <\(root)>\(namespace.map { " in namespace '\($0)'" } ?? "") is not an ISO 20022 Document",
            at: location, hint: "Remit reads camt.053, camt.054 and remt.001 messages")
    }

    static func unsupportedMessage(_ message: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .error, code: "iso20022.unsupported-message", "\(message) is not a message Remit reads", at: location,
            hint: "Remit reads camt.053.001.02 to .13, camt.054.001.02 to .13 and remt.001.001.01 to .06")
    }

    static func namespaceMismatch(
        namespace: String?, element: String, reading kind: MessageKind,
        at location: SourceLocation
    ) -> Diagnostic {
        Diagnostic(
            .warning, code: "iso20022.namespace",
            "namespace '\(namespace ?? "")' does not name a known version; read as \(kind) by its element <\(element)>",
            at: location)
    }

    static func kindMismatch(namespace: String, element: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .error, code: "iso20022.message-element",
            "namespace '\(namespace)' announces another message than <\(element)>; reading stopped", at: location)
    }

    static func noReports(_ kind: MessageKind, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .warning, code: "iso20022.empty", "\(kind) message holds no statement, notification or remittance",
            at: location)
    }

    // MARK: Values

    static func badAmount(_ value: String, reason: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .error, code: "iso20022.amount", "'\(value)' is not an amount: \(reason)", at: location,
            hint: "ISO 20022 amounts are digits with at most one '.', no sign")
    }

    static func badCurrency(_ value: String?, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .error, code: "iso20022.currency",
            value.map { "Ccy '\($0)' is not an ISO 4217 code" } ?? "amount without a Ccy attribute", at: location)
    }

    static func badIndicator(_ value: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, code: "iso20022.credit-debit", "CdtDbtInd '\(value)' is neither CRDT nor DBIT", at: location)
    }

    static func badDate(_ value: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.warning, code: "iso20022.date", "'\(value)' is not a date (YYYY-MM-DD); left empty", at: location)
    }

    static func missingEntryAmount(at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .error, code: "iso20022.missing-amount", "entry has no Amt or no CdtDbtInd; entry skipped",
            at: location)
    }

    static func overflow(at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, code: "iso20022.overflow", "amounts overflow 18 digits; entry skipped", at: location)
    }

    // MARK: Entries and details

    static func amountInferred(_ amount: Money, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .warning, code: "iso20022.amount-inferred",
            "transaction details have no amount; took \(amount), the entry amount less its other details",
            at: location)
    }

    static func amountUnknown(at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .warning, code: "iso20022.amount-unknown",
            "transaction details have no amount and none can be inferred; recorded as 0", at: location,
            hint: "several details of the entry lack an amount")
    }

    static func detailsDoNotSum(entry: Money, details: Money, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .warning, code: "iso20022.detail-sum",
            "entry amount \(entry) differs from the sum of its transaction details \(details)", at: location,
            hint: "charges deducted by the bank, or details in another currency")
    }

    static func notBooked(_ status: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .note, code: "iso20022.not-booked",
            "entry status \(status) is not booked cash; its bank transaction is written, no payment", at: location)
    }

    static func detailDirection(_ detail: String, entry: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .warning, code: "iso20022.detail-direction",
            "transaction details say \(detail) under a \(entry) entry; read in the entry's direction", at: location)
    }

    static func missingReference(at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .warning, code: "iso20022.reference",
            "structured remittance names no document (RfrdDocInf/Nb) and no creditor reference; the line cannot be "
                + "matched", at: location)
    }

    static func imbalance(payment: Money, lines: Money, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .warning, code: "iso20022.imbalance",
            "transaction amount \(payment) differs from its remitted documents' total \(lines)", at: location,
            hint: "the payer's remittance does not add up; ask them which figure is right")
    }

    static func currencyMismatch(_ found: String, expected: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .warning, code: "iso20022.currency-mix",
            "amount in \(found) where the payment is in \(expected); left out of the remittance arithmetic",
            at: location)
    }

    // MARK: Statement tie-out

    static func balanceMismatch(opening: Money, entries: Money, closing: Money, at location: SourceLocation)
        -> Diagnostic
    {
        let expected = (try? opening.amount.adding(entries.amount)).map { Money($0, opening.currency) }
        return Diagnostic(
            .warning, code: "iso20022.balance",
            "opening balance \(opening) plus booked entries \(entries) gives \(expected?.description ?? "?"), "
                + "but the closing balance is \(closing)", at: location)
    }

    static func summaryMismatch(_ what: String, stated: String, counted: String, at location: SourceLocation)
        -> Diagnostic
    {
        Diagnostic(
            .warning, code: "iso20022.summary",
            "TxsSummry \(what) says \(stated) but the entries give \(counted)", at: location)
    }
}
