using System.Text;

namespace HipaaAi.Shared.Compliance;

/// <summary>The data flow as Graphviz source: a cluster per stage, private paths solid, others dashed red.</summary>
public static class DotWriter
{
    public static string Write(CompliancePack pack)
    {
        ArgumentNullException.ThrowIfNull(pack);

        var dot = new StringBuilder();
        dot.AppendLine("digraph phi_data_flow {");
        dot.AppendLine("  rankdir=LR; newrank=true; fontname=\"DejaVu Sans\"; fontsize=11;");
        dot.AppendLine($"  label=\"PHI data flow of {Escape(pack.EnvironmentName)} (compiled template " +
            $"{pack.Sources.CompiledTemplateSha256[..12]}); " +
            "solid = private endpoint or VNet, dashed red = other path\";");
        dot.AppendLine("  labelloc=t;");
        dot.AppendLine("  node [shape=box, style=\"rounded,filled\", fillcolor=white, fontname=\"DejaVu Sans\", " +
            "fontsize=10];");
        dot.AppendLine("  edge [fontname=\"DejaVu Sans\", fontsize=8];");

        foreach (var stage in pack.DataFlow.Nodes.GroupBy(node => node.Stage))
        {
            var outside = stage.Key == FlowStage.Outside;
            if (!outside)
            {
                dot.AppendLine($"  subgraph cluster_{stage.Key} {{");
                dot.AppendLine($"    label=\"{StageTitle(stage.Key)}\"; style=dashed; color=gray40;");
            }

            foreach (var node in stage)
            {
                var color = node.Private switch
                {
                    true => "darkgreen",
                    false => "orangered",
                    null => "gray40",
                };
                var fill = outside ? "gray95" : "white";
                var marker = node.Private == true ? "\\n(private endpoint)" : string.Empty;
                dot.AppendLine(
                    $"    {node.Id} [label=\"{Escape(node.Label)}{marker}\", color={color}, fillcolor={fill}];");
            }

            if (!outside)
            {
                dot.AppendLine("  }");
            }
        }

        foreach (var edge in pack.DataFlow.Edges)
        {
            var style = edge.Private ? "color=darkgreen" : "color=orangered, style=dashed";
            dot.AppendLine($"  {edge.From} -> {edge.To} [label=\"{Escape(edge.Label)}\", {style}];");
        }

        dot.AppendLine("}");
        return dot.ToString().ReplaceLineEndings("\n");
    }

    public static string StageTitle(FlowStage stage) => stage switch
    {
        FlowStage.Enters => "1. Where PHI enters",
        FlowStage.Moves => "2. How it moves",
        FlowStage.Processed => "3. Where it is processed",
        FlowStage.Stored => "4. Where it is stored",
        FlowStage.Logged => "5. Where it is logged (no PHI)",
        FlowStage.Leaves => "6. Where it leaves",
        _ => "Outside the environment",
    };

    private static string Escape(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal);
}
