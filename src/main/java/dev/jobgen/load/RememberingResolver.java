package dev.jobgen.load;

import java.util.HashMap;
import java.util.Map;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * snakeyaml's implicit typing of plain scalars (YAML 1.1: bool, int, float, null, timestamp,
 * merge), remembered per distinct text. A catalogue repeats its keys and many of its values
 * thousands of times, and each fresh resolution runs up to three regular expressions: a fifth of
 * the time spent loading a large catalogue. The answer depends on the text alone, so remembering
 * it changes nothing else.
 */
final class RememberingResolver extends Resolver {
    private final Map<String, Tag> plainScalars = new HashMap<>();

    @Override
    public Tag resolve(NodeId kind, String value, boolean implicit) {
        if (kind != NodeId.scalar || !implicit) {
            return super.resolve(kind, value, implicit);
        }
        Tag tag = plainScalars.get(value);
        if (tag == null) {
            tag = super.resolve(kind, value, true);
            plainScalars.put(value, tag);
        }
        return tag;
    }
}
