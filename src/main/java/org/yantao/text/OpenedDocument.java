package org.yantao.text;

/** What opening a document returns: its content now, and how much of it is stored. */
public record OpenedDocument(long rev, long durableRev, String deltaJson) {}
