package dev.kiln.it.compat;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.jsoup.safety.Safelist;
import org.jsoup.select.Elements;
import org.jsoup.select.NodeVisitor;

/**
 * jsoup the way applications use it: parse an HTML page from a string (with the usual mistakes: unclosed tags,
 * stray end tags, entities), select with CSS queries, read text and attributes, resolve relative links, change
 * the tree, print it back, clean untrusted HTML and parse XML. Every line printed is computed by the library.
 */
public final class JsoupMain {
    private static final String PAGE = "<!DOCTYPE html><html><head><title>Kiln &amp; friends</title>"
            + "<meta charset=utf-8><style>p { color: red }</style></head><body>"
            + "<div id=main class='content wide'><h1>Libraries</h1>"
            + "<p class=intro>Kiln builds <b>real</b> libraries &mdash; unchanged.<br>Second line"
            + "<ul><li><a href=/docs/lang3>commons-lang3</a> <span class=version>3.22.0</span>"
            + "<li><a href='https://example.org/jsoup' rel=nofollow>jsoup</a> <span class=version>1.24.1</span>"
            + "<li class=missing>guava</ul>"
            + "<table><tr><th>name<th>size</tr><tr><td>hello<td>471352</tr><tr><td>lang3<td>3289088</table>"
            + "<p>Stray end tag</i> and an unclosed <em>emphasis"
            + "<!-- a comment --><form action=/search><input name=q value='a &lt; b'><select name=s>"
            + "<option>one<option selected>two</select></form></div><script>var x = '<p>not a tag</p>';</script>";

    public static void main(String[] args) {
        Document document = Jsoup.parse(PAGE, "https://kiln.example/start/");
        reading(document);
        selecting(document);
        modifying(document);
        cleaning();
        xml();
        invalid(document);
        System.out.println("jsoup: done");
    }

    private static void reading(Document document) {
        System.out.println("title: " + document.title());
        System.out.println("charset: " + document.charset() + " doctype: " + document.documentType());
        System.out.println("body text: " + document.body().text());
        System.out.println("intro own text: " + document.selectFirst("p.intro").ownText());
        System.out.println("intro whole text: " + document.selectFirst("p.intro").wholeText().replace("\n", "\\n"));
        Element main = document.getElementById("main");
        System.out.println("main classes: " + main.classNames() + " hasClass wide: " + main.hasClass("wide")
                + " children: " + main.childrenSize() + " depth of h1: " + main.selectFirst("h1").parents().size());
        for (Element link : document.select("a[href]")) {
            System.out.println("link: " + link.text() + " href=" + link.attr("href") + " abs=" + link.absUrl("href")
                    + " rel=" + link.attr("rel"));
        }
        System.out.println("script data: " + document.selectFirst("script").data());
        System.out.println("form: " + document.selectFirst("input[name=q]").val() + " / "
                + document.selectFirst("option[selected]").text());
        StringBuilder tags = new StringBuilder();
        document.body().traverse((NodeVisitor) (node, depth) -> {
            if (node instanceof Element && depth <= 3) {
                tags.append(((Element) node).tagName()).append(depth).append(' ');
            }
        });
        System.out.println("traverse: " + tags.toString().trim());
    }

    private static void selecting(Document document) {
        System.out.println("versions: " + document.select("li > span.version").eachText());
        System.out.println("li without link: " + document.select("li:not(:has(a))").text());
        System.out.println("third td: " + document.select("td:eq(0)").eachText() + " sizes " + document.select("tr td:nth-child(2)").eachText());
        System.out.println("contains: " + document.select("li:contains(jsoup) a").attr("href"));
        System.out.println("regex attr: " + document.select("a[href~=^https?://]").text());
        System.out.println("siblings: " + document.selectFirst("h1").nextElementSibling().tagName()
                + " " + document.select("h1 ~ *").size());
        Elements paragraphs = document.select("p");
        System.out.println("paragraphs: " + paragraphs.size() + " first em: " + document.select("p em").text());
        System.out.println("is: " + document.selectFirst("li.missing").is(".missing") + " closest div: "
                + document.selectFirst("span").closest("div").id());
    }

    private static void modifying(Document document) {
        Element list = document.selectFirst("ul");
        list.appendElement("li").text("gson").attr("data-added", "true");
        list.prependChild(new Element("li").text("first & <escaped>"));
        document.select("li.missing").remove();
        document.select("a").attr("target", "_blank").addClass("external");
        document.selectFirst("h1").text("Compatibility").before("<hr>");
        document.selectFirst("span.version").wrap("<code></code>");
        document.select("table").unwrap();
        document.selectFirst("p.intro b").replaceWith(new TextNode("REAL"));
        document.outputSettings().prettyPrint(false);
        System.out.println("list: " + list.outerHtml());
        System.out.println("h1: " + document.selectFirst("hr").nextElementSibling().outerHtml());
        System.out.println("intro: " + document.selectFirst("p.intro").html());
        document.outputSettings().prettyPrint(true).indentAmount(2).escapeMode(Entities.EscapeMode.xhtml);
        System.out.println("pretty:");
        System.out.println(document.selectFirst("ul").outerHtml());
        System.out.println("body html length: " + document.body().html().length());
    }

    private static void cleaning() {
        String untrusted = "<p><a href='http://example.com/' onclick='steal()'>Link</a><script>alert(1)</script>"
                + "<img src=x.png onerror=bad()> <b>bold</b> <span style='x'>span</span></p>";
        System.out.println("basic: " + Jsoup.clean(untrusted, Safelist.basic()));
        System.out.println("none: " + Jsoup.clean(untrusted, Safelist.none()));
        System.out.println("relaxed with base: " + Jsoup.clean(untrusted, "https://base.example/", Safelist.relaxed()));
        System.out.println("valid: " + Jsoup.isValid(untrusted, Safelist.basic()) + " " + Jsoup.isValid("<b>ok</b>", Safelist.basic()));
        System.out.println("fragment: " + Jsoup.parseBodyFragment("<td>cell</td><p>para").body().html().replace("\n", "\\n"));
        System.out.println("unescape: " + Entities.unescape("&lt;&amp;&gt; &copy; &#x41;") .length()
                + " escape: " + Entities.escape("a < b & c > d \"q\""));
    }

    /** Errors: jsoup's ValidationException drops its validator's frames from its trace (fillInStackTrace). */
    private static void invalid(Document document) {
        try {
            new Element("");
        } catch (IllegalArgumentException e) {
            System.out.println("invalid tag: " + describe(e));
        }
        try {
            document.select(" ");
        } catch (IllegalStateException e) {
            System.out.println("invalid query: " + describe(e));
        }
    }

    private static String describe(RuntimeException e) {
        StackTraceElement top = e.getStackTrace()[0];
        return e.getClass().getName() + ": " + e.getMessage() + " at " + top.getClassName() + "." + top.getMethodName();
    }

    private static void xml() {
        String feed = "<?xml version='1.0'?><feed><entry id='1'><title>One</title></entry>"
                + "<entry id='2'><title>Two &amp; more</title><Empty/></entry></feed>";
        Document document = Jsoup.parse(feed, "", Parser.xmlParser());
        for (Element entry : document.select("entry")) {
            System.out.println("entry " + entry.id() + ": " + entry.selectFirst("title").text());
        }
        document.outputSettings().prettyPrint(false);
        System.out.println("xml: " + document.outerHtml());
    }
}
