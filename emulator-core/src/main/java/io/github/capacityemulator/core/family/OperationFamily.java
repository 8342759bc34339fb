package io.github.capacityemulator.core.family;

import io.github.capacityemulator.core.store.SchemaModule;

import java.util.List;

/**
 * One family of operations (training plans, clusters, tags, ...): one package holding its handlers, its domain
 * rules and its repository. It brings its own schema (migrations and state tables) and taggable kinds, and
 * registers its handlers; adding a family is one line in the emulator's list of families.
 */
public interface OperationFamily extends SchemaModule {

    /** The kinds of resource of this family that AddTags, ListTags and DeleteTags can name. */
    default List<TaggableKind> taggableKinds() {
        return List.of();
    }

    /** Registers the family's handlers (and whatever it provides to or consumes of the shared machinery). */
    void register(FamilyContext context, HandlerTable handlers);
}
