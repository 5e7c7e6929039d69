package org.labelcritic.model.domain;

/**
 * Where a label came from.
 *
 * @param version model version, free text; empty for persons
 */
public record Source(long id, String name, SourceKind kind, String version) {}
