package org.labelcritic.model.domain;

/** Who decided. The automatic adopter is a reviewer too (named "critic"). */
public record Reviewer(long id, String name) {}
