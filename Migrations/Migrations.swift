// This folder is the ArchiveMigrations target: the EmbedFiles plugin compiles every NNNN_name.sql here into
// `embeddedFiles`, so the binary carries its schema. This file exists because a target needs a Swift source.
