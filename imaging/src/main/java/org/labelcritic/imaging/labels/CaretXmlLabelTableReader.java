package org.labelcritic.imaging.labels;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.labelcritic.imaging.nifti.NiftiExtension;
import org.labelcritic.imaging.nifti.NiftiHeader;
import org.labelcritic.model.LabelCriticException;
import org.labelcritic.model.Problem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Reads the label table TotalSegmentator embeds in a NIfTI header extension: CaretExtension XML
 * with {@code <LabelTable><Label Key="1" ...><![CDATA[spleen]]></Label>...}. TotalSegmentator
 * writes it with ecode 0; Caret's registered ecode 30 is accepted too.
 *
 * <p>The XML comes from files of unknown origin, so the parser refuses any DOCTYPE and never
 * resolves external entities or DTDs: an extension cannot make the reader open a local file or a
 * URL (XXE).
 */
final class CaretXmlLabelTableReader {

  private static final Logger LOG = LoggerFactory.getLogger(CaretXmlLabelTableReader.class);
  private static final int ECODE_UNKNOWN = 0;
  private static final int ECODE_CARET = 30;

  private CaretXmlLabelTableReader() {}

  static Optional<LabelTable> fromExtensions(NiftiHeader header) throws LabelCriticException {
    Path file = header.file();
    List<NiftiExtension> extensions = header.extensions();
    LabelTableBuilder builder = new LabelTableBuilder(file);
    boolean found = false;
    for (int i = 0; i < extensions.size(); i++) {
      NiftiExtension ext = extensions.get(i);
      if ((ext.ecode() == ECODE_UNKNOWN || ext.ecode() == ECODE_CARET) && looksLikeXml(ext)) {
        String where = "header extension " + (i + 1) + " (ecode " + ext.ecode() + ")";
        found |= addLabels(payload(ext), file, where, builder);
      }
    }
    return found ? Optional.of(builder.build()) : Optional.empty();
  }

  /** Adds the labels of one XML payload; false when it has no LabelTable. */
  static boolean addLabels(byte[] xml, Path file, String where, LabelTableBuilder builder)
      throws LabelCriticException {
    Document doc = parse(xml, file, where);
    NodeList tables = doc.getElementsByTagName("LabelTable");
    for (int t = 0; t < tables.getLength(); t++) {
      for (Node n = tables.item(t).getFirstChild(); n != null; n = n.getNextSibling()) {
        if (n instanceof Element label && label.getTagName().equals("Label")) {
          String field = where + " Label Key=\"" + label.getAttribute("Key") + "\"";
          if (!label.hasAttribute("Key")) {
            throw LabelCriticException.atRow(file, 0, where, "a <Label> has no Key attribute");
          }
          int value = LabelTableBuilder.parseValue(file, label.getAttribute("Key"), 0, field);
          builder.add(value, label.getTextContent(), 0, field);
        }
      }
    }
    return tables.getLength() > 0;
  }

  private static Document parse(byte[] xml, Path file, String where) throws LabelCriticException {
    try {
      DocumentBuilder db = secureFactory().newDocumentBuilder();
      db.setErrorHandler(new Strict());
      // Refuse to resolve anything external even if a feature above were ignored.
      db.setEntityResolver(
          (publicId, systemId) -> {
            throw new SAXException("external entity " + systemId + " is not allowed");
          });
      return db.parse(new ByteArrayInputStream(xml));
    } catch (SAXParseException e) {
      throw new LabelCriticException(
          Problem.atRow(
              file,
              Math.max(0, e.getLineNumber()),
              where,
              "the embedded label table is not well-formed XML: " + e.getMessage()),
          e);
    } catch (SAXException | IOException e) {
      throw new LabelCriticException(
          Problem.atRow(
              file, 0, where, "the embedded label table cannot be read: " + e.getMessage()),
          e);
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException("the JDK XML parser lacks a required security feature", e);
    }
  }

  private static DocumentBuilderFactory secureFactory() throws ParserConfigurationException {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    f.setFeature("http://xml.org/sax/features/external-general-entities", false);
    f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
    f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
    f.setXIncludeAware(false);
    f.setExpandEntityReferences(false);
    f.setNamespaceAware(false);
    return f;
  }

  private static boolean looksLikeXml(NiftiExtension ext) {
    for (byte b : ext.data()) {
      if (!Character.isWhitespace(b)) {
        return b == '<';
      }
    }
    return false;
  }

  /** The payload without the zero padding that fills an extension to 16 bytes. */
  private static byte[] payload(NiftiExtension ext) {
    byte[] d = ext.data();
    int end = d.length;
    while (end > 0 && d[end - 1] == 0) {
      end--;
    }
    return Arrays.copyOf(d, end);
  }

  /** The JDK's default handler prints to stderr; errors must become exceptions instead. */
  private static final class Strict implements ErrorHandler {
    @Override
    public void warning(SAXParseException e) {
      LOG.debug("XML warning at line {}: {}", e.getLineNumber(), e.getMessage());
    }

    @Override
    public void error(SAXParseException e) throws SAXException {
      throw e;
    }

    @Override
    public void fatalError(SAXParseException e) throws SAXException {
      throw e;
    }
  }
}
