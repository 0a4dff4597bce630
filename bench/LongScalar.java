import dev.jobgen.diag.Diagnostics;
import dev.jobgen.load.CatalogueLoader;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;

/**
 * Loading one catalogue whose description is a single scalar of N MiB: jobgen's loader against
 * snakeyaml's parser on its own StreamReader (the baseline, parsing the same text in the same
 * JVM). Prints seconds per size and each size's time over the previous size's: about 2x per
 * doubling is linear, about 4x is quadratic. Run by bench/long-scalar.sh.
 */
public class LongScalar {
    public static void main(String[] args) {
        String small = catalogue(64 * 1024);
        for (int i = 0; i < 20; i++) { // compile both paths before anything is timed
            snakeyaml(small);
            CatalogueLoader.load("c.yaml", small, new Diagnostics());
        }
        double previousOurs = 0;
        double previousBase = 0;
        for (String mib : args) {
            int n = (int) (Double.parseDouble(mib) * 1024 * 1024);
            String text = catalogue(n);
            double base = seconds(() -> snakeyaml(text));
            double ours = seconds(() -> CatalogueLoader.load("c.yaml", text, new Diagnostics()));
            System.out.printf("%5s MiB scalar: jobgen loader %6.3f s%s   snakeyaml's reader %7.3f s%s   speed-up %.0fx%n", mib, ours,
                    previousOurs > 0 ? String.format(" (%.1fx)", ours / previousOurs) : "       ", base,
                    previousBase > 0 ? String.format(" (%.1fx)", base / previousBase) : "       ", base / ours);
            previousOurs = ours;
            previousBase = base;
        }
    }

    private static String catalogue(int scalarLength) {
        return "jobgen: 1\njobs:\n  x:\n    command: [/bin/true]\n    schedule: daily\n    description: " + "x".repeat(scalarLength) + "\n";
    }

    private static void snakeyaml(String text) {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(CatalogueLoader.MAX_BYTES);
        ParserImpl parser = new ParserImpl(new StreamReader(text), options);
        while (!parser.getEvent().is(Event.ID.StreamEnd)) {
            // drain
        }
    }

    private static double seconds(Runnable r) {
        r.run(); // warm-up, not timed
        long start = System.nanoTime();
        r.run();
        return (System.nanoTime() - start) / 1e9;
    }
}
