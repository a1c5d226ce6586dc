/// Made-up company names: a place word, a trade word and a legal form.
enum CustomerNames {
    static let places = [
        "Harbor", "Lakeside", "Northwind", "Maple", "Summit", "Pioneer", "Golden", "Riverside", "Evergreen",
        "Bayview", "Cedar", "Prairie", "Coastal", "Redwood", "Blue Ridge", "Silver Lake", "Oakwood", "Highland",
        "Sunrise", "Liberty", "Granite", "Willow", "Hilltop", "Meadow", "Orchard", "Valley", "Lakeshore",
        "Brookside", "Pinecrest", "Westfield", "Eastgate", "Fairview", "Stonebridge", "Clearwater", "Greenleaf",
        "Ironwood", "Juniper", "Kingsley", "Lighthouse", "Mountain View",
    ]
    static let trades = [
        "Foods", "Grocers", "Market", "Deli", "Provisions", "Wholesale", "Pharmacy", "Supply", "Stores",
        "Distributors", "Cafe", "Trading", "Fresh Markets", "Food Service", "Hardware", "Outfitters",
        "Natural Foods", "Bakery", "Beverages", "Pet Supply",
    ]
    static let legalForms = ["Inc", "LLC", "Co", "Corp", "Ltd", "Inc.", "Company", ""]

    /// `count` distinct names; place and trade words are never repeated together.
    static func make(count: Int, random: inout ScenarioRandom) -> [String] {
        var used: Set<Int> = []
        var names: [String] = []
        let combinations = places.count * trades.count
        while names.count < count {
            var pair = random.below(combinations)
            if used.count >= combinations {
                // More customers than word pairs: number the rest.
                names.append("Customer \(names.count + 1) Inc")
                continue
            }
            while used.contains(pair) { pair = (pair + 1) % combinations }
            used.insert(pair)
            let form = random.pick(legalForms)
            let base = places[pair / trades.count] + " " + trades[pair % trades.count]
            names.append(form.isEmpty ? base : base + " " + form)
        }
        return names
    }
}
