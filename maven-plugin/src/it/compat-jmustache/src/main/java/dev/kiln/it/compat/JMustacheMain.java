package dev.kiln.it.compat;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.MustacheException;
import com.samskivert.mustache.Template;

import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JMustache the way applications use it: templates compiled from strings and rendered with maps, lists, objects
 * (fields and getters, found by reflection: the pom registers the two classes), sections, inverted sections,
 * partials, lambdas, escaping, custom delimiters, defaults for missing values, and the errors of strict mode.
 * Every line printed is rendered by the library.
 */
public final class JMustacheMain {
    /** Read through fields and methods by JMustache's reflection. */
    public static final class Item {
        public final String name;
        private final int cents;
        private final boolean onSale;

        Item(String name, int cents, boolean onSale) {
            this.name = name;
            this.cents = cents;
            this.onSale = onSale;
        }

        public String getPrice() {
            return cents / 100 + "." + (cents % 100 < 10 ? "0" : "") + cents % 100;
        }

        public boolean isOnSale() {
            return onSale;
        }
    }

    public static final class Order {
        public final String customer;
        public final List<Item> items;

        Order(String customer, List<Item> items) {
            this.customer = customer;
            this.items = items;
        }

        public int itemCount() {
            return items.size();
        }
    }

    public static void main(String[] args) {
        maps();
        objects();
        features();
        errors();
        System.out.println("jmustache: done");
    }

    private static void maps() {
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("title", "Kiln <images> & \"friends\"");
        context.put("planets", List.of(Map.of("name", "Mercury", "moons", 0), Map.of("name", "Earth", "moons", 1),
                Map.of("name", "Jupiter", "moons", 95)));
        context.put("empty", List.of());
        context.put("flag", true);
        Template template = Mustache.compiler().compile(
                "<h1>{{title}}</h1> raw: {{{title}}} / {{&title}}\n"
                + "{{#planets}}- {{name}} has {{moons}} moon(s){{^-last}},{{/-last}} #{{-index}}\n{{/planets}}"
                + "{{^empty}}no entries{{/empty}} {{#flag}}flag is set{{/flag}}\n"
                + "{{! a comment }}nested: {{#planets}}{{#-first}}first={{name}}{{/-first}}{{/planets}}");
        System.out.println(template.execute(context));
        System.out.println(Mustache.compiler().compile("{{#list}}{{.}}{{^-last}}, {{/-last}}{{/list}}")
                .execute(Map.of("list", List.of("a", "b", "c"))));
        System.out.println(Mustache.compiler().compile("{{a.b.c}} {{a.b}}")
                .execute(Map.of("a", Map.of("b", Map.of("c", "deep")))));
    }

    private static void objects() {
        Order order = new Order("Ada", List.of(new Item("widget", 1999, false), new Item("gadget", 505, true),
                new Item("gizmo", 70, false)));
        Template receipt = Mustache.compiler().compile(
                "Receipt for {{customer}} ({{itemCount}} items)\n"
                + "{{#items}}{{name}}: {{price}}{{#onSale}} (on sale){{/onSale}}\n{{/items}}");
        System.out.print(receipt.execute(order));
    }

    private static void features() {
        Mustache.Compiler compiler = Mustache.compiler().withLoader(name -> new StringReader("[partial " + name + ": {{value}}]"));
        System.out.println(compiler.compile("before {{>footer}} after").execute(Map.of("value", 42)));
        Mustache.Lambda bold = (fragment, out) -> {
            out.write("<b>");
            fragment.execute(out);
            out.write("</b>");
        };
        System.out.println(Mustache.compiler().compile("{{#bold}}Hi {{name}}{{/bold}}")
                .execute(Map.of("bold", bold, "name", "Kiln")));
        System.out.println(Mustache.compiler().withDelims("<% %>").compile("<% greeting %>, <%name%>!")
                .execute(Map.of("greeting", "Hello", "name", "world")));
        System.out.println(Mustache.compiler().defaultValue("?").compile("known {{known}} missing {{missing}}")
                .execute(Map.of("known", "yes")));
        System.out.println(Mustache.compiler().nullValue("(null)").compile("value {{value}}")
                .execute(java.util.Collections.singletonMap("value", null)));
        System.out.println(Mustache.compiler().escapeHTML(false).compile("unescaped {{html}}")
                .execute(Map.of("html", "<i>x</i>")));
        System.out.println(Mustache.compiler().withFormatter(value -> value instanceof Double ? "~" + Math.round((Double) value) : String.valueOf(value))
                .compile("{{pi}} {{n}}").execute(Map.of("pi", Math.PI, "n", 7)));
        System.out.println(Mustache.compiler().standardsMode(true).compile("{{#list}}[{{.}}]{{/list}}")
                .execute(Map.of("list", new int[] {1, 2, 3})));
    }

    private static void errors() {
        try {
            Mustache.compiler().compile("{{missing}}").execute(Map.of());
        } catch (MustacheException.Context expected) {
            System.out.println("strict: " + expected.getMessage() + " key=" + expected.key + " line=" + expected.lineNo);
        }
        try {
            Mustache.compiler().compile("{{#open}}never closed");
        } catch (MustacheException expected) {
            System.out.println("parse: " + expected.getMessage());
        }
    }
}
