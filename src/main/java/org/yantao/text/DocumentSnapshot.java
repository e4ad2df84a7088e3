package org.yantao.text;

/** A document's content at a revision, as quill-delta JSON. */
public record DocumentSnapshot(long rev, String deltaJson) {}
