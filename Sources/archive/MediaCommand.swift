// `archive media add|list|remove|export`: the images records show, stored in the archive file itself.
import ArchiveCore
import ArgumentParser
import Glibc

struct MediaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "media",
        abstract: "Add, list, remove and export the images of records.",
        discussion: """
            Images live in the archive file: each file's bytes once, addressed by their SHA-256 (the same file \
            added to two records is stored once), with a thumbnail and a display size made when it is added \
            (JPEG, turned upright, in sRGB, with every metadata block stripped: no camera, no GPS position). \
            The original is kept byte for byte. Adding and removing are changes of the history: `archive undo` \
            reverses them, and a removed file's bytes stay until `archive history --prune` drops the last change \
            that names it. `archive check` hashes every stored file again.
            """,
        subcommands: [Add.self, List.self, Remove.self, Export.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add image files to a record, in the order given (one change of the history).",
            discussion: """
                JPEG, PNG, WebP or TIFF, told by their bytes, not their names; \(MediaLimits.summary). \
                --rights takes a rights statement's or a licence's URI: http://rightsstatements.org/vocab/… or \
                https://creativecommons.org/…; --credit is the line shown under the image (a museum's required \
                credit). A file the record shows already is refused; nothing is added unless every file is.
                """)

        @OptionGroup var options: ArchiveOptions

        @Argument(help: ArgumentHelp("[table] slug file…: the record, then the image files.", valueName: "record-and-files"))
        var words: [String] = []

        @Option(help: "A caption for the images, shown under each and used as its alternative text.")
        var caption: String?

        @Option(help: "The credit line shown under the images.")
        var credit: String?

        @Option(help: ArgumentHelp("The images' rights, as a URI.", valueName: "uri"))
        var rights: String?

        @Flag(help: "Make the first file the record's primary image (shown first and beside search hits).")
        var primary = false

        @OptionGroup var change: ActorOption

        /// A first word that names a record table, with a slug and a file after it, is the table.
        private var table: String? { words.count >= 3 && Tables.records.contains { $0.name == words[0] } ? words[0] : nil }
        private var slug: String { words[table == nil ? 0 : 1] }
        private var files: [String] { Array(words.dropFirst(table == nil ? 1 : 2)) }

        func validate() throws {
            guard words.count >= 2 else { throw ValidationError("give a record's slug (with its table when two tables hold it) and one or more image files") }
            if let rights { do { try Media.checkRights(rights) } catch let error as ArchiveError { throw ValidationError(error.message) } }
        }

        func run() throws {
            let archive = try options.open(.write)
            let added = try Media.add(files, to: slug, in: table, details: .init(caption: caption, credit: credit, rights: rights, primary: primary),
                                      archive: archive, by: change.actor)
            for item in added.items {
                Console.note("image \(item.id): \(item.fileName ?? item.sha256), \(item.contentType), \(item.width) × \(item.height) pixels")
            }
            for file in added.pages {
                Console.note("\(file.name): \(file.pages) pages or frames; the original is kept whole, its thumbnail and display size show the first")
            }
            let shared = added.alreadyStored > 0 ? " (\(added.alreadyStored) already stored: kept once)" : ""
            Console.note("added \(added.items.count) image\(added.items.count == 1 ? "" : "s") to \(added.items[0].table) \(added.items[0].slug)\(shared) as change \(added.change); `archive undo \(added.change)` takes them off")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the images of a record, or of every record.")

        @OptionGroup var options: ArchiveOptions

        @Argument(help: ArgumentHelp("[table] slug: one record's images (default: every image).", valueName: "slug"))
        var words: [String] = []

        @Option(help: "Output format.")
        var format: RowOutputFormat = .table

        func validate() throws {
            guard words.count <= 2 else { throw ValidationError("give at most a table and a slug") }
        }

        func run() throws {
            let archive = try options.open(.read)
            let items = try Media.list(words.last, in: words.count == 2 ? words[0] : nil, archive: archive)
            guard let rowFormat = format.rowFormat, format != .table else {
                if items.isEmpty { return Console.note(words.isEmpty ? "the archive holds no images" : "\(words.last!) has no images") }
                let header = ["id", "record", "position", "file", "type", "pixels", "bytes", "caption", "rights"]
                var rows = [header]
                for item in items {
                    rows.append([String(item.id), "\(item.table) \(item.slug)", String(item.position) + (item.isPrimary ? " (primary)" : ""),
                                 item.fileName ?? "", item.contentType, "\(item.width)×\(item.height)", String(item.bytes),
                                 item.caption ?? "", item.rights ?? ""])
                }
                print(alignedTable(rows), terminator: "")
                return
            }
            try writeRows(RowTable(media: items), format: rowFormat)
        }
    }

    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Remove an image from its record (one change of the history; `archive undo` puts it back).")

        @OptionGroup var options: ArchiveOptions

        @Argument(help: ArgumentHelp("The image's number, as `archive media list` shows it.", valueName: "id"))
        var id: Int64

        @OptionGroup var change: ActorOption

        func run() throws {
            let archive = try options.open(.write)
            let removed = try Media.remove(id, archive: archive, by: change.actor)
            Console.note("removed image \(id) (\(removed.item.fileName ?? removed.item.sha256)) from \(removed.item.table) \(removed.item.slug) as change \(removed.change); `archive undo \(removed.change)` puts it back")
        }
    }

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write the original image files, byte for byte, into a folder (TABLE/SLUG/POSITION-NAME).")

        @OptionGroup var options: ArchiveOptions

        @Argument(help: ArgumentHelp("[table] slug, then the folder; or --all and the folder.", valueName: "record-and-folder"))
        var words: [String] = []

        @Flag(help: "Every record's images.")
        var all = false

        func validate() throws {
            let expected = all ? 1...1 : 2...3
            guard expected.contains(words.count) else {
                throw ValidationError(all ? "with --all, give only the folder" : "give a record's slug (with its table when two tables hold it) and a folder, or --all and a folder")
            }
        }

        func run() throws {
            let archive = try options.open(.read)
            let folder = words.last!
            let written = try Media.export(all ? nil : words[words.count - 2], in: words.count == 3 ? words[0] : nil, to: folder, archive: archive)
            for path in written { print(path) }
            Console.note("wrote \(written.count) image file\(written.count == 1 ? "" : "s") under \(folder)")
        }
    }
}
