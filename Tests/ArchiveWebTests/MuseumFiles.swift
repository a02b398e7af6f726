// A few museum records on top of the seeds, shaped as the museum files make them: two institutions with their
// open-access sources (CC BY 3.0 with IMA's required credit; CC0), makers of one house spelt three ways, an object
// with makers, tags and a date read into years, a public-domain object, and `extraObjects` more of Cooper Hewitt's
// (for paging). For WebFixture(extra:).
enum MuseumFiles {
    static func files(extraObjects: Int = 0) -> [(String, String)] {
        let more = (0..<extraObjects).map { index in "ch-\(1000 + index),cooper-hewitt,CH.\(index),Swatch \(index),swatch,textile,,,,,,,,\n" }.joined()
        return [
            ("institutions.csv", """
                slug,name,city,country,url
                ima,Indianapolis Museum of Art (Newfields),Indianapolis,United States,https://discovernewfields.org
                cooper-hewitt,"Cooper Hewitt, Smithsonian Design Museum",New York,United States,https://www.cooperhewitt.org

                """),
            ("sources.csv", """
                slug,title,publisher,year,url,license
                ima-open-access,"Collection data © Indianapolis Museum of Art (Newfields), CC BY 3.0",Indianapolis Museum of Art (Newfields),2021,https://github.com/IMAmuseum/ima-collection,CC BY 3.0 (attribution required)
                cooper-hewitt-open-access,Cooper Hewitt collection data,"Cooper Hewitt, Smithsonian Design Museum",2013,https://github.com/cooperhewitt/collection,CC0 1.0 (attribution to Cooper Hewitt asked as a courtesy)

                """),
            ("designers.csv", """
                slug,name,born,died,ulan,wikidata
                ima-dior-christian,"Dior, Christian",1905,1957,500032519,Q46998
                ima-the-house-of-dior,The House of Dior,,,,
                ima-christian-dior-couture,Christian Dior Couture,,,,
                ch-christian-dior,CHRISTIAN DIÔR,,,,

                """),
            ("tags.csv", """
                slug,name,aat,wikidata
                women,Women,300025943,Q467

                """),
            ("objects.csv", """
                slug,institution,accession_number,title,object_type,category,date_text,earliest_year,latest_year,medium,credit_line,url,public_domain,rights
                ima-59989,ima,2002.144,ball gown,gown,garment,ca. 1957,1955,1959,silk satin,Gift of the Alliance of the Indianapolis Museum of Art,http://imamuseum.org/mercury/load-artwork/59989,,
                ima-60001,ima,2002.145,hat,hat,headwear,1960s,1960,1969,felt,Gift of a friend,,0,
                ch-18065729,cooper-hewitt,1931-66-148,Cameo,Cameo,jewellery,,,,"Glass, gold",Gift of Sarah Cooper Hewitt,http://collection.cooperhewitt.org/objects/18065729/,1,

                """ + more),
            ("object_makers.csv", """
                object,designer,role,qualifier,source
                ima-59989,ima-dior-christian,designer,,ima-open-access
                ima-59989,ima-the-house-of-dior,retailer,,ima-open-access
                ima-60001,ima-christian-dior-couture,maker,Attributed to,ima-open-access

                """),
            ("object_tags.csv", "object,tag\nima-59989,women\n"),
            ("object_sources.csv", """
                object,source
                ima-59989,ima-open-access
                ima-60001,ima-open-access
                ch-18065729,cooper-hewitt-open-access

                """),
        ]
    }
}
