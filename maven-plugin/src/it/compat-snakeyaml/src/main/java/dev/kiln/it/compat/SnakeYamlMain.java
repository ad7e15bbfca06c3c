package dev.kiln.it.compat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.TypeDescription;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.Constructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.introspector.BeanAccess;
import org.yaml.snakeyaml.representer.Representer;

/**
 * SnakeYAML as applications use it: YAML documents loaded into maps and lists (scalars resolved to integers,
 * floats, booleans, null and dates), several documents in one stream, anchors and aliases, dumped back in block
 * and flow styles, and a bean graph bound by reflection both ways (its classes registered in the project's
 * reflect-config.json, with {@code Object}, whose fields SnakeYAML's property substitution scans), with a
 * {@link TypeDescription} for a list's element type. Errors: a syntax error with its marks, and a key the bean has
 * no property for. SnakeYAML logs through {@code java.util.logging}: its logger, configured by the JDK's default
 * {@code logging.properties}, prints on {@code System.err} at INFO and above (the format set without the time, which
 * would differ from run to run).
 */
public class SnakeYamlMain {
    public static void main(String[] args) {
        loadsPlainDocuments();
        dumpsMapsAndLists();
        bindsBeans();
        bindsFieldsOnly();
        reportsErrors();
        logs();
    }

    private static void logs() {
        System.setProperty("java.util.logging.SimpleFormatter.format", "%4$s %3$s: %5$s%6$s%n");
        java.util.logging.Logger logger = java.util.logging.Logger.getLogger("org.yaml.snakeyaml.introspector");
        logger.info("info is printed");
        logger.fine("fine is below the default level");
        logger.log(java.util.logging.Level.WARNING, "warning with {0} and {1}", new Object[] {"two", 2});
        java.util.logging.Logger root = java.util.logging.Logger.getLogger("");
        System.out.println("level " + logger.getLevel() + ", root level " + root.getLevel() + ", root handlers "
                + root.getHandlers().length + " " + root.getHandlers()[0].getClass().getName());
        System.out.println("package " + Yaml.class.getPackage().getName() + ", module named "
                + Yaml.class.getModule().isNamed());
    }

    private static void loadsPlainDocuments() {
        Yaml yaml = new Yaml();
        String document = String.join("\n",
                "name: kiln",
                "version: 1.0",
                "port: 8080",
                "big: 12345678901234567890",
                "hex: 0x1F",
                "ratio: 2.5e3",
                "enabled: yes",
                "nothing: ~",
                "when: 2026-11-30",
                "tags: [java, os, 'quoted, with comma']",
                "nested:",
                "  list:",
                "    - one",
                "    - {inline: map, n: 3}",
                "  text: |",
                "    line one",
                "    line two",
                "  folded: >",
                "    folded",
                "    words",
                "defaults: &base {colour: blue, size: 2}",
                "derived:",
                "  <<: *base",
                "  size: 5",
                "");
        Map<String, Object> loaded = yaml.load(document);
        for (Map.Entry<String, Object> entry : loaded.entrySet()) {
            Object value = entry.getValue();
            String type = value == null ? "null" : value.getClass().getSimpleName();
            String shown = value instanceof java.util.Date date ? Long.toString(date.getTime()) : String.valueOf(value);
            System.out.println("load " + entry.getKey() + " (" + type + "): " + shown);
        }
        int count = 0;
        for (Object each : yaml.loadAll("--- a\n--- [1, 2]\n--- {k: v}\n")) {
            System.out.println("document " + (++count) + ": " + each);
        }
        List<Object> list = yaml.load("- &x shared\n- *x\n- !!str 42\n- !!float 1\n- 0o17\n- .inf\n- -.5\n");
        System.out.println("list: " + list);
    }

    private static void dumpsMapsAndLists() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("name", "Kiln image");
        data.put("count", 3);
        data.put("ratio", 0.25);
        data.put("flags", List.of(true, false));
        data.put("empty", new ArrayList<>());
        data.put("quoted", "needs: quoting # here");
        data.put("multi", "first line\nsecond line\n");
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("a", 1);
        inner.put("b", List.of("x", "y"));
        data.put("inner", inner);
        data.put("nothing", null);

        System.out.print(new Yaml().dump(data));
        DumperOptions block = new DumperOptions();
        block.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        block.setIndent(4);
        block.setIndicatorIndent(2);
        block.setIndentWithIndicator(true);
        System.out.print(new Yaml(block).dump(data));
        DumperOptions flow = new DumperOptions();
        flow.setDefaultFlowStyle(DumperOptions.FlowStyle.FLOW);
        flow.setDefaultScalarStyle(DumperOptions.ScalarStyle.DOUBLE_QUOTED);
        flow.setWidth(40);
        System.out.print(new Yaml(flow).dump(data));
        System.out.print(new Yaml().dumpAll(List.of("one", List.of(1, 2), Map.of("k", "v")).iterator()));
    }

    private static void bindsBeans() {
        LoaderOptions options = new LoaderOptions();
        Constructor constructor = new Constructor(Invoice.class, options);
        TypeDescription invoiceDescription = new TypeDescription(Invoice.class);
        invoiceDescription.addPropertyParameters("lines", Line.class);
        constructor.addTypeDescription(invoiceDescription);
        Yaml yaml = new Yaml(constructor);
        Invoice invoice = yaml.load(String.join("\n",
                "number: 34843",
                "customer:",
                "  name: Dorothy Gale",
                "  city: Kansas",
                "paid: true",
                "total: 4443.52",
                "lines:",
                "  - {sku: BL394D, quantity: 4, price: 450.0}",
                "  - {sku: BL4438H, quantity: 1, price: 2392.0}",
                "notes:",
                "  - Late afternoon is best.",
                "  - Backup contact is Nancy.",
                ""));
        System.out.println("invoice " + invoice.getNumber() + " for " + invoice.getCustomer().getName() + " of "
                + invoice.getCustomer().getCity() + ", paid " + invoice.isPaid() + ", total " + invoice.getTotal());
        for (Line line : invoice.getLines()) {
            System.out.println("  line " + line.getSku() + " x" + line.getQuantity() + " at " + line.getPrice());
        }
        System.out.println("  notes " + invoice.getNotes());

        DumperOptions options2 = new DumperOptions();
        options2.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        Representer representer = new Representer(options2);
        representer.addClassTag(Invoice.class, new org.yaml.snakeyaml.nodes.Tag("!invoice"));
        System.out.print(new Yaml(representer, options2).dump(invoice));
        System.out.print(new Yaml().dumpAsMap(invoice));
    }

    private static void bindsFieldsOnly() {
        Yaml yaml = new Yaml(new Constructor(Point.class, new LoaderOptions()));
        yaml.setBeanAccess(BeanAccess.FIELD);
        Point point = yaml.load("x: 3\ny: -4\nlabel: origin offset\n");
        System.out.println("point " + point.x + "," + point.y + " " + point.label);
        System.out.print(yaml.dumpAsMap(point));
    }

    private static void reportsErrors() {
        try {
            new Yaml().load("key: [unclosed, list\nother: value\n");
        } catch (YAMLException e) {
            System.out.println("syntax: " + e.getClass().getSimpleName());
            System.out.println(e.getMessage());
        }
        try {
            new Yaml(new Constructor(Line.class, new LoaderOptions())).load("sku: A\ncolour: red\n");
        } catch (YAMLException e) {
            System.out.println("binding: " + e.getClass().getSimpleName());
            // The message names the bean by Object.toString, whose identity hash differs from run to run.
            System.out.println(e.getMessage().replaceAll("@[0-9a-f]+", "@..."));
        }
    }

    public static class Invoice {
        private int number;
        private Customer customer;
        private boolean paid;
        private double total;
        private List<Line> lines;
        private List<String> notes;

        public int getNumber() { return number; }
        public void setNumber(int number) { this.number = number; }
        public Customer getCustomer() { return customer; }
        public void setCustomer(Customer customer) { this.customer = customer; }
        public boolean isPaid() { return paid; }
        public void setPaid(boolean paid) { this.paid = paid; }
        public double getTotal() { return total; }
        public void setTotal(double total) { this.total = total; }
        public List<Line> getLines() { return lines; }
        public void setLines(List<Line> lines) { this.lines = lines; }
        public List<String> getNotes() { return notes; }
        public void setNotes(List<String> notes) { this.notes = notes; }
    }

    public static class Customer {
        private String name;
        private String city;

        public String getName() { return name; }
        public void setName(String name) { this.name = name; }
        public String getCity() { return city; }
        public void setCity(String city) { this.city = city; }
    }

    public static class Line {
        private String sku;
        private int quantity;
        private double price;

        public String getSku() { return sku; }
        public void setSku(String sku) { this.sku = sku; }
        public int getQuantity() { return quantity; }
        public void setQuantity(int quantity) { this.quantity = quantity; }
        public double getPrice() { return price; }
        public void setPrice(double price) { this.price = price; }
    }

    public static class Point {
        private int x;
        private int y;
        private String label;
    }
}
