package dev.captions.ttml;

import dev.captions.CaptionFormatException;
import java.io.IOException;
import java.io.Reader;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * SAX parsing that refuses DTDs, so neither external entities (XXE) nor entity expansion ("billion laughs") can
 * happen: the parser's own switches where it has them (the JDK's), and a lexical handler that fails on any
 * {@code <!DOCTYPE>} where it does not (Android's). Element depth is capped by the handlers. Stateless.
 */
final class SecureXml {
  private SecureXml() {}

  /** Parses {@code in} with {@code handler}; malformed XML and DTDs become {@link CaptionFormatException}s. */
  static void parse(Reader in, DefaultHandler handler) throws IOException {
    XMLReader reader;
    try {
      SAXParserFactory f = SAXParserFactory.newInstance();
      f.setNamespaceAware(true);
      f.setValidating(false);
      trySet(f, "http://apache.org/xml/features/disallow-doctype-decl", true);
      trySet(f, "http://xml.org/sax/features/external-general-entities", false);
      trySet(f, "http://xml.org/sax/features/external-parameter-entities", false);
      trySet(f, "http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
      trySet(f, XMLConstants.FEATURE_SECURE_PROCESSING, true);
      SAXParser parser = f.newSAXParser();
      reader = parser.getXMLReader();
    } catch (ParserConfigurationException | SAXException e) {
      throw new IllegalStateException("No usable SAX parser: " + e.getMessage(), e);
    }
    reader.setContentHandler(handler);
    reader.setErrorHandler(handler);
    reader.setEntityResolver((publicId, systemId) -> {
      throw new SAXException("external entities are refused (" + systemId + ")");
    });
    try {
      reader.setProperty("http://xml.org/sax/properties/lexical-handler", new NoDtd());
    } catch (SAXException e) {
      // A parser without lexical events: the features above (or the entity resolver) are the guard.
    }
    try {
      reader.parse(new InputSource(in));
    } catch (SAXParseException e) {
      throw new CaptionFormatException("not well-formed XML, or refused: " + clean(e.getMessage()),
          Math.max(0, e.getLineNumber()), Math.max(0, e.getColumnNumber()), e);
    } catch (SAXException e) {
      if (e.getException() instanceof CaptionFormatException) throw (CaptionFormatException) e.getException();
      if (e.getException() instanceof IOException) throw (IOException) e.getException();
      throw new CaptionFormatException(clean(e.getMessage()), 0, 0, e);
    }
  }

  private static String clean(String message) {
    return message == null ? "XML error" : message;
  }

  private static void trySet(SAXParserFactory f, String feature, boolean value) {
    try {
      f.setFeature(feature, value);
    } catch (ParserConfigurationException | SAXException | UnsupportedOperationException e) {
      // Not every parser knows every switch; NoDtd below refuses DTDs whatever the parser.
    }
  }

  /** Fails on any DTD: a caption file has no use for one, and DTDs are how entity attacks begin. */
  private static final class NoDtd implements org.xml.sax.ext.LexicalHandler {
    @Override
    public void startDTD(String name, String publicId, String systemId) throws SAXException {
      throw new SAXException("DOCTYPE declarations are refused in TTML (no DTD is needed; entities could expand"
          + " without bound or read local files)");
    }

    @Override
    public void endDTD() {}

    @Override
    public void startEntity(String name) throws SAXException {
      // Some parsers report the predefined ones (&amp; …); with DTDs refused no other entity can be declared.
      if (name.equals("amp") || name.equals("lt") || name.equals("gt") || name.equals("quot") || name.equals("apos")) {
        return;
      }
      throw new SAXException("entity references other than the five predefined ones are refused");
    }

    @Override
    public void endEntity(String name) {}

    @Override
    public void startCDATA() {}

    @Override
    public void endCDATA() {}

    @Override
    public void comment(char[] ch, int start, int length) {}
  }
}
