/// Anything a parser emits: the unit `remit convert` writes one line per.
public enum CanonicalRecord: Sendable, Hashable {
    case payment(Payment)
    case remittanceLine(RemittanceLine)
    case deduction(Deduction)
    case bankTransaction(BankTransaction)

    /// The record type as written in the `record_type` field of JSON Lines output.
    public var recordType: String {
        switch self {
        case .payment: return "payment"
        case .remittanceLine: return "remittance_line"
        case .deduction: return "deduction"
        case .bankTransaction: return "bank_transaction"
        }
    }

    /// The record's own identifier.
    public var id: String {
        switch self {
        case .payment(let payment): return payment.id
        case .remittanceLine(let line): return line.id
        case .deduction(let deduction): return deduction.id
        case .bankTransaction(let transaction): return transaction.id
        }
    }

    public var provenance: Provenance {
        switch self {
        case .payment(let payment): return payment.provenance
        case .remittanceLine(let line): return line.provenance
        case .deduction(let deduction): return deduction.provenance
        case .bankTransaction(let transaction): return transaction.provenance
        }
    }
}
