// Images the tests make rather than commit: an uncompressed baseline RGB TIFF with a pattern of its own, of one
// page or several (a scanner's multi-page file).
public enum TestImages {
    public static func uncompressedTIFF(width: Int, height: Int, pages: Int = 1) -> [UInt8] {
        let le32 = { (v: Int) in [UInt8(v & 255), UInt8(v >> 8 & 255), UInt8(v >> 16 & 255), UInt8(v >> 24 & 255)] }
        let le16 = { (v: Int) in [UInt8(v & 255), UInt8(v >> 8 & 255)] }
        let count = width * height * 3
        let entryCount = 9, ifdSize = 2 + entryCount * 12 + 4
        var tiff: [UInt8] = [0x49, 0x49, 42, 0] + le32(8)
        for page in 0..<pages {
            let ifdOffset = tiff.count, dataOffset = ifdOffset + ifdSize
            let next = page + 1 < pages ? dataOffset + count : 0
            let entries: [(tag: Int, type: Int, value: Int)] = [
                (256, 4, width), (257, 4, height), (258, 3, 8), (259, 3, 1), (262, 3, 2),
                (273, 4, dataOffset), (277, 3, 3), (278, 4, height), (279, 4, count),
            ]
            tiff += le16(entryCount)
            for entry in entries {
                tiff += le16(entry.tag) + le16(entry.type) + le32(1) + (entry.type == 3 ? le16(entry.value) + [0, 0] : le32(entry.value))
            }
            tiff += le32(next)
            var pixels = [UInt8](repeating: 0, count: count)
            for y in 0..<height {
                for x in 0..<width {
                    let i = (y * width + x) * 3
                    pixels[i] = UInt8(x & 255); pixels[i + 1] = UInt8(y & 255); pixels[i + 2] = UInt8((x ^ y ^ (page * 85)) & 255)
                }
            }
            tiff += pixels
        }
        return tiff
    }
}
