package org.yantao.report.export;

/** What an exporter produces: the file's bytes, its media type and its name. */
public record ExportedFile(byte[] content, String contentType, FileName fileName) {

  /** The value of the {@code Content-Disposition} header that downloads this file under its name. */
  public String contentDisposition() {
    return fileName.contentDisposition();
  }
}
