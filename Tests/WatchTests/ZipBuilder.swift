import RemitArchive

@testable import RemitWatch

/// Builds small .zip archives for tests, including hostile ones (names with `..`, links).
struct ZipBuilder {
    struct Item {
        var name: String
        var bytes: [UInt8]
        var deflate = true
        var unixMode: UInt32 = 0o100644
    }

    static func build(_ items: [Item]) throws -> [UInt8] {
        var out: [UInt8] = []
        var directory: [UInt8] = []
        for item in items {
            let data = item.deflate ? try ZlibStream.compress(item.bytes, mode: .rawDeflate) : item.bytes
            let crc = item.bytes.withUnsafeBytes { ZlibStream.crc32($0) }
            let name = Array(item.name.utf8)
            let offset = UInt32(out.count)
            let method: UInt16 = item.deflate ? 8 : 0
            out +=
                le32(0x0403_4b50) + le16(20) + le16(0) + le16(method) + le16(0) + le16(0) + le32(crc)
                + le32(UInt32(data.count)) + le32(UInt32(item.bytes.count)) + le16(UInt16(name.count)) + le16(0) + name
                + data
            directory +=
                le32(0x0201_4b50) + le16(3 << 8 | 20) + le16(20) + le16(0) + le16(method) + le16(0)
                + le16(0) + le32(crc) + le32(UInt32(data.count)) + le32(UInt32(item.bytes.count))
                + le16(UInt16(name.count)) + le16(0) + le16(0) + le16(0) + le16(0) + le32(item.unixMode << 16)
                + le32(offset) + name
        }
        let directoryOffset = UInt32(out.count)
        out += directory
        out +=
            le32(0x0605_4b50) + le16(0) + le16(0) + le16(UInt16(items.count)) + le16(UInt16(items.count))
            + le32(UInt32(directory.count)) + le32(directoryOffset) + le16(0)
        return out
    }

    private static func le16(_ value: UInt16) -> [UInt8] { [UInt8(value & 0xFF), UInt8(value >> 8)] }
    private static func le32(_ value: UInt32) -> [UInt8] { le16(UInt16(value & 0xFFFF)) + le16(UInt16(value >> 16)) }
}
