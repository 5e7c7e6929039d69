package org.labelcritic.model.domain;

/** What is labelled on an item: an organ of a scan, a field of a form. */
public record Structure(long id, String name) {}
