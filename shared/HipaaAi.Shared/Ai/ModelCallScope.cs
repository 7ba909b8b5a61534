namespace HipaaAi.Shared.Ai;

/// <summary>
/// Collects the model calls made while one activity runs. The scope flows with the async context, so adapters deep
/// inside an activity report to it without knowing which activity they serve.
/// </summary>
public sealed class ModelCallScope : IDisposable
{
    private static readonly AsyncLocal<ModelCallScope?> CurrentScope = new();

    private readonly ModelCallScope? _outer;
    private readonly List<ModelCall> _calls = [];
    private readonly Lock _gate = new();

    private ModelCallScope()
    {
        _outer = CurrentScope.Value;
    }

    public static ModelCallScope? Current => CurrentScope.Value;

    public static ModelCallScope Begin()
    {
        var scope = new ModelCallScope();
        CurrentScope.Value = scope;
        return scope;
    }

    public void Add(ModelCall call)
    {
        lock (_gate)
        {
            _calls.Add(call);
        }
    }

    public IReadOnlyList<ModelCall> Calls
    {
        get
        {
            lock (_gate)
            {
                return [.. _calls];
            }
        }
    }

    public void Dispose() => CurrentScope.Value = _outer;
}

/// <summary>Sends each model call to the scope of the activity that made it.</summary>
public sealed class ScopedModelCallRecorder : IModelCallRecorder
{
    /// <summary>Calls made outside any activity (the eval command, for example) are not part of a workflow.</summary>
    public int UnscopedCalls { get; private set; }

    public void Record(ModelCall call)
    {
        var scope = ModelCallScope.Current;
        if (scope is null)
        {
            UnscopedCalls++;
            return;
        }

        scope.Add(call);
    }
}
