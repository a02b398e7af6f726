// Reads an import mapping from its JSON file, checking every key: a mistake is an ImportProblem that names
// the mapping file and the key, found before any data is read.

extension ImportMapping {
    public static func load(_ path: String) throws(ImportFailure) -> ImportMapping {
        let value: JSONValue
        do {
            let parser = JSONParser(try ByteReader(path: path))
            try parser.skipByteOrderMark()
            value = try parser.parseValue()
            if try parser.skipWhitespace() != nil { throw parser.fail("expected the end of the file after the mapping object") }
        } catch let error as ReadError {
            throw ImportFailure(problems: [ImportProblem(.unreadable, file: path, message: "cannot be read: \(error.reason)")], truncated: false)
        } catch let error as JSONSyntaxError {
            throw ImportFailure(problems: [ImportProblem(.syntax, file: path, line: error.line, message: error.message)], truncated: false)
        } catch {
            throw ImportFailure(problems: [ImportProblem(.syntax, file: path, message: "\(error)")], truncated: false)
        }
        do {
            var loader = Loader(path: path)
            return try loader.mapping(value)
        } catch {
            throw ImportFailure(problems: [error], truncated: false)
        }
    }

    private struct Loader {
        let path: String
        /// The mapping's named value maps, for `map:` filters.
        var maps: [String: [String: String]] = [:]

        func fail(_ key: String, _ message: String) -> ImportProblem {
            ImportProblem(.syntax, file: path, field: key, message: message)
        }

        func object(_ value: JSONValue?, _ key: String) throws(ImportProblem) -> [(key: String, value: JSONValue)] {
            guard case .object(let members)? = value else { throw fail(key, "expected an object") }
            return members
        }

        func string(_ value: JSONValue?, _ key: String) throws(ImportProblem) -> String {
            guard case .string(let text)? = value, !text.isEmpty else { throw fail(key, "expected a text") }
            return text
        }

        /// A template, its braces checked: `{title` is a mistake, not a literal slug.
        func template(_ value: JSONValue?, _ key: String) throws(ImportProblem) -> Template {
            let text = try string(value, key)
            var open = false
            for character in text {
                switch character {
                case "{" where open: throw fail(key, "the template \"\(text)\" opens a \"{\" inside another: write {field} for each field")
                case "{": open = true
                case "}" where !open: throw fail(key, "the template \"\(text)\" has a \"}\" that no \"{\" opened")
                case "}": open = false
                default: break
                }
            }
            if open { throw fail(key, "the template \"\(text)\" has a \"{\" without its \"}\"") }
            let template: Template
            do {
                template = try Template(text, maps: maps)
            } catch {
                throw fail(key, "the template \"\(text)\": \(error.message)")
            }
            if template.placeFields.contains("") { throw fail(key, "the template \"\(text)\" has an empty {}: name a field inside it") }
            return template
        }

        /// A value taken from the file: a template, or a field named plainly (`"title": "Title"`).
        func source(_ value: JSONValue?, _ key: String) throws(ImportProblem) -> Template {
            let text = try string(value, key)
            return text.contains("{") || text.contains("}") ? try template(value, key) : Template(field: text)
        }

        func table(_ name: String, _ key: String) throws(ImportProblem) -> TableDescription {
            guard let table = Tables.named(name) else {
                throw fail(key, "unknown table \"\(name)\"; tables: \(Tables.all.map(\.name).joined(separator: ", "))")
            }
            return table
        }

        func column(_ name: String, of table: TableDescription, _ key: String) throws(ImportProblem) -> String {
            guard table.column(named: name) != nil || name == "slug" else {
                let suggestion = NearestName.suggestion(for: name, among: table.columns.map(\.name)).map { "; did you mean \"\($0)\"?" } ?? ""
                throw fail(key, "\(table.name) has no column \"\(name)\"\(suggestion)")
            }
            return name
        }

        func only(_ members: [(key: String, value: JSONValue)], _ allowed: [String], _ prefix: String) throws(ImportProblem) {
            for member in members where !allowed.contains(member.key) {
                throw fail(prefix + member.key, "unknown key; a mapping\(prefix.isEmpty ? "" : " entry") has \(allowed.joined(separator: ", "))")
            }
        }

        mutating func mapping(_ value: JSONValue) throws(ImportProblem) -> ImportMapping {
            let top = try object(value, "(the file)")
            try only(top, ["description", "record_path", "table", "slug", "columns", "constants", "values", "maps", "dates", "life", "context", "cite", "split", "records"], "")
            func member(_ key: String) -> JSONValue? { top.first { $0.key == key }?.value }
            // Maps first: a template's map: filter names one.
            for entry in try object(member("maps") ?? .object([]), "maps") {
                var map: [String: String] = [:]
                for pair in try object(entry.value, "maps.\(entry.key)") {
                    guard case .string(let text) = pair.value else { throw fail("maps.\(entry.key).\(pair.key)", "expected a text (\"\" for empty)") }
                    map[pair.key] = text
                }
                maps[entry.key] = map
            }
            let recordPath = try member("record_path").map { value throws(ImportProblem) in
                try string(value, "record_path").split(separator: ".", omittingEmptySubsequences: false).map(String.init)
            }
            if let recordPath, recordPath.contains("") { throw fail("record_path", "expected a path of keys joined by \".\", such as records or data.items") }
            let table = try self.table(try string(member("table"), "table"), "table")
            guard table.kind == .record else { throw fail("table", "\(table.name) is a relation table; map records, and split fields into relations") }
            let slug = try template(member("slug"), "slug")

            var columns: [(String, Template)] = []
            for entry in try object(member("columns") ?? .object([]), "columns") {
                columns.append((try column(entry.key, of: table, "columns.\(entry.key)"), try source(entry.value, "columns.\(entry.key)")))
            }
            var constants: [(String, String)] = []
            for entry in try object(member("constants") ?? .object([]), "constants") {
                // The slug is made by the "slug" template alone: a constant slug would be one record for every row.
                if entry.key == "slug" { throw fail("constants.slug", "the slug comes from the mapping's \"slug\" template, not from constants") }
                constants.append((try column(entry.key, of: table, "constants.\(entry.key)"), try string(entry.value, "constants.\(entry.key)")))
            }
            var values: [String: [String: String]] = [:]
            for entry in try object(member("values") ?? .object([]), "values") {
                let name = try column(entry.key, of: table, "values.\(entry.key)")
                var map: [String: String] = [:]
                for pair in try object(entry.value, "values.\(entry.key)") { map[pair.key] = try string(pair.value, "values.\(entry.key).\(pair.key)") }
                values[name] = map
            }
            var dates: (String, String, String)?
            if let value = member("dates") {
                let members = try object(value, "dates")
                try only(members, ["text", "earliest", "latest"], "dates.")
                func named(_ key: String) throws(ImportProblem) -> String {
                    try column(try string(members.first { $0.key == key }?.value, "dates.\(key)"), of: table, "dates.\(key)")
                }
                dates = (try named("text"), try named("earliest"), try named("latest"))
            }
            var life: (String, String, String)?
            if let value = member("life") {
                let members = try object(value, "life")
                try only(members, ["text", "born", "died"], "life.")
                life = (try string(members.first { $0.key == "text" }?.value, "life.text"),
                        try column(try string(members.first { $0.key == "born" }?.value, "life.born"), of: table, "life.born"),
                        try column(try string(members.first { $0.key == "died" }?.value, "life.died"), of: table, "life.died"))
            }
            var context: [(String, String, [String: String])] = []
            for entry in try object(member("context") ?? .object([]), "context") {
                let members = try object(entry.value, "context.\(entry.key)")
                try only(members, ["from", "values"], "context.\(entry.key).")
                var map: [String: String] = [:]
                for pair in try object(members.first { $0.key == "values" }?.value ?? .object([]), "context.\(entry.key).values") {
                    map[pair.key] = try string(pair.value, "context.\(entry.key).values.\(pair.key)")
                }
                context.append((entry.key, try string(members.first { $0.key == "from" }?.value, "context.\(entry.key).from"), map))
            }
            var cite: (Template, TableDescription, Template?)?
            if let value = member("cite") {
                let members = try object(value, "cite")
                try only(members, ["source", "table", "note"], "cite.")
                let relation = try self.table(try string(members.first { $0.key == "table" }?.value, "cite.table"), "cite.table")
                guard relation.referencedTables.contains(table.name), relation.referencedTables.contains("sources") else {
                    throw fail("cite.table", "\(relation.name) does not link \(table.name) to sources")
                }
                let note = try members.first { $0.key == "note" }.map { member throws(ImportProblem) in try template(member.value, "cite.note") }
                cite = (try template(members.first { $0.key == "source" }?.value, "cite.source"), relation, note)
            }
            var splits: [Split] = []
            if let value = member("split") {
                guard case .array(let items) = value else { throw fail("split", "expected a list") }
                for (index, item) in items.enumerated() { splits.append(try split(item, "split[\(index + 1)]", main: table)) }
            }
            var records: [(TableDescription, [[(name: String, value: JSONValue)]])] = []
            for entry in try object(member("records") ?? .object([]), "records") {
                let target = try self.table(entry.key, "records.\(entry.key)")
                guard target.kind == .record else {
                    throw fail("records.\(entry.key)", "\(target.name) is a relation table; records declares the records the rows refer to (an institution, a source)")
                }
                guard case .array(let rows) = entry.value else { throw fail("records.\(entry.key)", "expected a list of records") }
                records.append((target, try rows.enumerated().map { index, row throws(ImportProblem) in
                    try object(row, "records.\(entry.key)[\(index + 1)]").map { (name: $0.key, value: $0.value) }
                }))
            }
            return ImportMapping(path: path, table: table, slug: slug, recordPath: recordPath, columns: columns, constants: constants, values: values,
                                 dates: dates, life: life, context: context, cite: cite, splits: splits, records: records)
        }

        func split(_ value: JSONValue, _ key: String, main: TableDescription) throws(ImportProblem) -> Split {
            let members = try object(value, key)
            try only(members, ["column", "separator", "pattern", "zip", "relation", "create", "fields", "qualifiers", "qualifier_column", "qualified_role"], key + ".")
            func member(_ name: String) -> JSONValue? { members.first { $0.key == name }?.value }
            let pattern = try string(member("pattern") ?? .string("{name}"), "\(key).pattern")
            guard pattern == "{name}" || pattern == "{name} ({role})" else {
                throw fail("\(key).pattern", "a pattern is \"{name}\" or \"{name} ({role})\"")
            }
            let relation = try table(try string(member("relation"), "\(key).relation"), "\(key).relation")
            guard relation.kind == .relation,
                  let parent = relation.columns.first(where: { $0.kind == .reference(table: main.name) })?.name else {
                throw fail("\(key).relation", "\(relation.name) is not a relation of \(main.name)")
            }
            let create = try object(member("create"), "\(key).create")
            try only(create, ["table", "slug", "columns"], "\(key).create.")
            let created = try table(try string(create.first { $0.key == "table" }?.value, "\(key).create.table"), "\(key).create.table")
            guard created.kind == .record, let other = relation.columns.first(where: { $0.kind == .reference(table: created.name) && $0.name != parent })?.name else {
                throw fail("\(key).create.table", "\(relation.name) does not link \(main.name) to \(created.name)")
            }
            var createdColumns: [(String, Template)] = []
            for entry in try object(create.first { $0.key == "columns" }?.value ?? .object([]), "\(key).create.columns") {
                createdColumns.append((try column(entry.key, of: created, "\(key).create.columns.\(entry.key)"), try template(entry.value, "\(key).create.columns.\(entry.key)")))
            }
            var fields: [(String, Template)] = []
            for entry in try object(member("fields") ?? .object([]), "\(key).fields") {
                fields.append((try column(entry.key, of: relation, "\(key).fields.\(entry.key)"), try template(entry.value, "\(key).fields.\(entry.key)")))
            }
            var zip: [(String, String)] = []
            for entry in try object(member("zip") ?? .object([]), "\(key).zip") {
                if ["name", "role"].contains(entry.key) && (entry.key == "name" || pattern.contains("{role}")) {
                    throw fail("\(key).zip.\(entry.key)", "{\(entry.key)} is the item's own, from the pattern \"\(pattern)\"; give the parallel column another name")
                }
                zip.append((entry.key, try string(entry.value, "\(key).zip.\(entry.key)")))
            }
            var qualifiers: [String] = []
            if let value = member("qualifiers") {
                guard case .array(let items) = value else { throw fail("\(key).qualifiers", "expected a list of roles") }
                qualifiers = try items.enumerated().map { index, item throws(ImportProblem) in try string(item, "\(key).qualifiers[\(index + 1)]").lowercased() }
            }
            let qualifierColumn = try member("qualifier_column").map { value throws(ImportProblem) in
                try column(try string(value, "\(key).qualifier_column"), of: relation, "\(key).qualifier_column")
            }
            return Split(key: key, column: try string(member("column"), "\(key).column"), separator: try string(member("separator") ?? .string(" | "), "\(key).separator"),
                         zip: zip, hasRole: pattern.contains("{role}"), relation: relation, parentColumn: parent, otherColumn: other,
                         create: (created, try template(create.first { $0.key == "slug" }?.value, "\(key).create.slug"), createdColumns),
                         fields: fields, qualifiers: qualifiers, qualifierColumn: qualifierColumn,
                         qualifiedRole: try member("qualified_role").map { value throws(ImportProblem) in try string(value, "\(key).qualified_role") })
        }
    }
}
