using Mono.Cecil;

namespace Tests.Unit.Architecture;

/// <summary>
/// Reads what compiled code really uses, from the IL (Mono.Cecil): assembly references, and for types the
/// signatures, attributes and every type, method and field a method body touches. Compiled code, not
/// <c>using</c> lines: a fully qualified name in a method body counts as much as a field's type.
/// </summary>
internal static class IlDependencies
{
    /// <summary>
    /// Assemblies and what they reference, starting from <paramref name="roots"/> and following references
    /// to every assembly found beside them (the BCL is not beside them, so it ends the walk as leaves).
    /// </summary>
    public static DependencyGraph Assemblies(string directory, IEnumerable<string> roots)
    {
        var graph = new DependencyGraph();
        var queue = new Queue<string>(roots);
        var seen = new HashSet<string>(queue, StringComparer.Ordinal);
        while (queue.TryDequeue(out var name))
        {
            var path = Path.Combine(directory, name + ".dll");
            graph.Node(name);
            if (!File.Exists(path))
            {
                continue;
            }

            using var assembly = AssemblyDefinition.ReadAssembly(path);
            foreach (var reference in assembly.MainModule.AssemblyReferences)
            {
                graph.Edge(name, reference.Name, $"{name}.dll references {reference.FullName}");
                if (seen.Add(reference.Name))
                {
                    queue.Enqueue(reference.Name);
                }
            }
        }

        return graph;
    }

    /// <summary>
    /// The namespaces of one assembly that start with <paramref name="prefix"/>, grouped by <paramref name="node"/>
    /// (e.g. PerfTesting.Baselines.Statistics into PerfTesting.Baselines), and which of them use which.
    /// </summary>
    public static DependencyGraph Namespaces(string assemblyPath, string prefix, Func<string, string> node)
    {
        var graph = new DependencyGraph();
        using var assembly = AssemblyDefinition.ReadAssembly(assemblyPath);
        foreach (var type in assembly.MainModule.GetTypes())
        {
            var from = Namespace(type);
            if (!from.StartsWith(prefix, StringComparison.Ordinal))
            {
                continue;
            }

            graph.Node(node(from));
            foreach (var used in Used(type).SelectMany(Flatten).Where(t => t.Scope == assembly.MainModule))
            {
                var to = Namespace(used);
                if (to.StartsWith(prefix, StringComparison.Ordinal))
                {
                    graph.Edge(node(from), node(to), $"{Readable(type)} uses {Readable(used)}");
                }
            }
        }

        return graph;
    }

    private static IEnumerable<TypeReference> Used(TypeDefinition type)
    {
        if (type.BaseType is { } baseType)
        {
            yield return baseType;
        }

        foreach (var reference in type.Interfaces.Select(i => i.InterfaceType)
            .Concat(Attributes(type))
            .Concat(type.GenericParameters.SelectMany(g => g.Constraints).Select(c => c.ConstraintType))
            .Concat(type.Fields.SelectMany(f => Attributes(f).Prepend(f.FieldType)))
            .Concat(type.Properties.SelectMany(p => Attributes(p).Prepend(p.PropertyType)))
            .Concat(type.Events.Select(e => e.EventType))
            .Concat(type.Methods.SelectMany(Used)))
        {
            yield return reference;
        }
    }

    private static IEnumerable<TypeReference> Used(MethodDefinition method)
    {
        yield return method.ReturnType;
        foreach (var reference in method.Parameters.Select(p => p.ParameterType).Concat(Attributes(method)))
        {
            yield return reference;
        }

        if (!method.HasBody)
        {
            yield break;
        }

        foreach (var variable in method.Body.Variables)
        {
            yield return variable.VariableType;
        }

        foreach (var handler in method.Body.ExceptionHandlers.Where(h => h.CatchType is not null))
        {
            yield return handler.CatchType;
        }

        foreach (var instruction in method.Body.Instructions)
        {
            switch (instruction.Operand)
            {
                case TypeReference used:
                    yield return used;
                    break;
                case MethodReference called:
                    yield return called.DeclaringType;
                    yield return called.ReturnType;
                    foreach (var parameter in called.Parameters)
                    {
                        yield return parameter.ParameterType;
                    }

                    if (called is GenericInstanceMethod generic)
                    {
                        foreach (var argument in generic.GenericArguments)
                        {
                            yield return argument;
                        }
                    }

                    break;
                case FieldReference field:
                    yield return field.DeclaringType;
                    yield return field.FieldType;
                    break;
                default:
                    break;
            }
        }
    }

    private static IEnumerable<TypeReference> Attributes(ICustomAttributeProvider provider) =>
        provider.CustomAttributes.Select(a => a.AttributeType);

    // Arrays, by-refs and generic instances stand for the types inside them; generic parameters for nothing.
    private static IEnumerable<TypeReference> Flatten(TypeReference? type)
    {
        switch (type)
        {
            case null or GenericParameter:
                yield break;
            case GenericInstanceType generic:
                foreach (var inner in Flatten(generic.ElementType).Concat(generic.GenericArguments.SelectMany(Flatten)))
                {
                    yield return inner;
                }

                break;
            case TypeSpecification specification:
                foreach (var inner in Flatten(specification.ElementType))
                {
                    yield return inner;
                }

                break;
            default:
                yield return type;
                break;
        }
    }

    private static string Namespace(TypeReference type)
    {
        while (type.DeclaringType is { } outer)
        {
            type = outer;
        }

        return type.Namespace;
    }

    private static string Readable(TypeReference type) => type.FullName.Replace('/', '+');
}
