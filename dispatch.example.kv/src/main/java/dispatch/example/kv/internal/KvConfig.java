package dispatch.example.kv.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of the example store, PID {@code dispatch.example.kv}. */
@ObjectClassDefinition(name = "dispatch example: key-value store")
public @interface KvConfig {

    @AttributeDefinition(description = "Puts of new keys past this many entries fail")
    int max_entries() default 10_000;

    @AttributeDefinition(description = "Keys and values longer than this fail")
    int max_length() default 4096;
}
