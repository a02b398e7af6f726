// This folder is the ArchiveSeeds target: the EmbedFiles plugin compiles every JSON file here into
// `embeddedFiles`, so `archive import seeds` works from any directory. A target needs a Swift source: this one.
