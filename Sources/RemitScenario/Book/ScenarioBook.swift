/// The seller's receivables: customers, their open invoices and credit memos, and receipts not yet applied.
///
/// Invoice numbers come from one sequence shared by all customers, as an ERP issues them, written with
/// seven digits (`0041017`); credit memos have a series of their own (`CM20113`). Customer sizes are
/// skewed as real books are: about one customer in seven is large (40–200 open items), the rest small (2–25).
package struct ScenarioBook: Sendable {
    package var customers: [ScenarioCustomer]
    package var invoices: [ScenarioInvoice]
    package var receipts: [ScenarioReceipt]
    /// The last invoice number issued; new invoices continue from it.
    var lastNumber: Int
    /// Every invoice number with its leading zeros dropped, to keep made-up references from existing.
    var issued: Set<String>

    /// Days invoices are dated within, and the day the export was taken.
    static let firstInvoiceDay = ScenarioDay(year: 2026, month: 9, day: 1)
    static let lastInvoiceDay = ScenarioDay(year: 2026, month: 11, day: 27)
    package static let exportDay = ScenarioDay(year: 2026, month: 11, day: 30)

    /// A book of about `invoiceCount` invoices (credit memos come on top).
    package static func make(invoiceCount: Int, rates: NoiseRates, random: inout ScenarioRandom) -> ScenarioBook {
        var sizes: [Int] = []
        var total = 0
        while total < invoiceCount {
            let size = random.chance(perMille: 150) ? random.within(40...200) : random.within(2...25)
            let kept = min(size, max(2, invoiceCount - total))
            sizes.append(kept)
            total += kept
        }
        let names = CustomerNames.make(count: sizes.count, random: &random)
        var customers: [ScenarioCustomer] = []
        var customerNumber = 100_100
        for name in names {
            customerNumber += random.within(1...40)
            customers.append(
                ScenarioCustomer(
                    id: String(customerNumber), name: name, invoices: [],
                    companyID: "1" + Digits.padded(random.below(1_000_000_000), 9)))
        }
        var owners: [Int] = []
        for (customer, size) in sizes.enumerated() { owners += Array(repeating: customer, count: size) }
        owners = random.shuffled(owners)

        var book = ScenarioBook(
            customers: customers, invoices: [], receipts: [], lastNumber: 41_000 + random.below(9_000), issued: [])
        let poStyles = customers.map { _ in random.below(3) }
        var lastPO: [String?] = Array(repeating: nil, count: customers.count)
        let span = lastInvoiceDay.number - firstInvoiceDay.number
        var creditMemoNumber = 20_000 + random.below(5_000)
        var receiptNumber = 700_000 + random.below(90_000)
        for (position, customer) in owners.enumerated() {
            let date = firstInvoiceDay.adding(days: position * span / max(1, owners.count - 1))
            let po: String
            if let previous = lastPO[customer], random.chance(perMille: 100) {
                po = previous  // a blanket order billed by several invoices
            } else {
                po = purchaseOrder(style: poStyles[customer], random: &random)
            }
            lastPO[customer] = po
            let terms = [ScenarioInvoice.Terms.net30, .twoTenNet30, .oneFifteenNet45][random.weighted([60, 30, 10])]
            let amount = invoiceAmount(random: &random)
            book.addInvoice(
                number: book.nextNumber(random: &random), customer: customer, purchaseOrder: po, date: date,
                amount: amount, terms: terms)
            if random.chance(perMille: rates.creditMemos) {
                creditMemoNumber += random.within(1...9)
                let share = Int64(random.within(5...30))
                let credit = Cents(-(amount.value * share / 100 / 100 * 100))
                book.addInvoice(
                    number: "CM\(creditMemoNumber)", customer: customer, purchaseOrder: "",
                    date: date.adding(days: random.within(1...20)), amount: credit.value == 0 ? Cents(-500) : credit,
                    terms: .none)
            }
            if random.chance(perMille: rates.paymentRows) {
                receiptNumber += random.within(1...30)
                book.receipts.append(
                    ScenarioReceipt(
                        number: "PMT\(receiptNumber)", customer: customer, date: date.adding(days: 15),
                        amount: Cents(-Int64(random.within(5...400)) * 1_000)))
            }
        }
        return book
    }

    /// The next number of the shared sequence, seven digits with leading zeros.
    mutating func nextNumber(random: inout ScenarioRandom) -> String {
        repeat { lastNumber += random.within(1...3) } while issued.contains(String(lastNumber))
        return Digits.padded(lastNumber, 7)
    }

    /// Appends an invoice (or credit memo) and returns its index.
    @discardableResult
    mutating func addInvoice(
        number: String, customer: Int, purchaseOrder: String, date: ScenarioDay, amount: Cents,
        terms: ScenarioInvoice.Terms
    ) -> Int {
        let due = date.adding(days: terms == .oneFifteenNet45 ? 45 : 30)
        invoices.append(
            ScenarioInvoice(
                number: number, customer: customer, purchaseOrder: purchaseOrder, date: date, due: due,
                amount: amount, terms: terms))
        customers[customer].invoices.append(invoices.count - 1)
        issued.insert(Self.significant(number))
        return invoices.count - 1
    }

    /// Whether any export row has this number, leading zeros ignored.
    func isIssued(_ number: String) -> Bool { issued.contains(Self.significant(number)) }

    static func significant(_ number: String) -> String {
        let trimmed = number.drop { $0 == "0" }
        return trimmed.isEmpty ? "0" : String(trimmed)
    }

    /// A customer's purchase order number in one of three styles: `PO-48213`, `4500123456`, `78123456`.
    static func purchaseOrder(style: Int, random: inout ScenarioRandom) -> String {
        switch style {
        case 0: return "PO-" + Digits.padded(random.below(100_000), 5)
        case 1: return "4500" + Digits.padded(random.below(1_000_000), 6)
        default: return String(70_000_000 + random.below(20_000_000))
        }
    }

    /// 50.00 to 25,000.00, most between 200 and 5,000; a quarter of them whole dollars.
    static func invoiceAmount(random: inout ScenarioRandom) -> Cents {
        let ranges: [ClosedRange<Int>] = [5_000...19_999, 20_000...99_999, 100_000...499_999, 500_000...2_500_000]
        var cents = Int64(random.within(ranges[random.weighted([15, 35, 35, 15])]))
        if random.chance(perMille: 250) { cents = cents / 100 * 100 }
        return Cents(cents)
    }
}
