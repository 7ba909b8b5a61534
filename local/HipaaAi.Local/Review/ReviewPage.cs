namespace HipaaAi.Local.Review;

/// <summary>
/// The local review page: lists pending approvals and renders each card with the Adaptive Cards renderer, as Teams
/// would. Decision buttons are the card's signed links; the page sends their token to the local decision endpoint,
/// which runs the same decision service as the Functions endpoint. Everything is served from 127.0.0.1.
/// </summary>
internal static class ReviewPage
{
    public const string Html = """
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <title>HipaaAi approvals (local)</title>
        <link rel="icon" href="data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 16 16'%3E%3Crect width='16' height='16' rx='3' fill='%23464775'/%3E%3C/svg%3E">
        <meta name="referrer" content="no-referrer">
        <style>
          body { font-family: "Segoe UI", system-ui, sans-serif; background: #f5f5f5; margin: 0; padding: 1.5rem; }
          h1 { font-size: 1.25rem; margin: 0 0 1rem; }
          .approval { background: #fff; border-radius: 6px; box-shadow: 0 1px 3px #0002; max-width: 40rem;
                      margin: 0 0 1.25rem; padding: 0.75rem; }
          .approval header { font-size: 0.8rem; color: #616161; margin-bottom: 0.5rem; }
          .approval textarea { width: 100%; box-sizing: border-box; margin-top: 0.5rem; }
          .status { margin-top: 0.5rem; font-weight: 600; }
          .approval[data-state="Accepted"] .status { color: #237b4b; }
          .empty { color: #616161; }
        </style>
        <script src="/adaptivecards.min.js"></script>
        </head>
        <body>
        <h1>Pending approvals</h1>
        <p class="empty" id="empty" hidden>No approval is waiting.</p>
        <main id="approvals"></main>
        <script>
        "use strict";
        const list = document.getElementById("approvals");
        const empty = document.getElementById("empty");

        function decisionToken(action) {
          const type = action.getJsonTypeName();
          if (type === "Action.Execute") {
            return { token: action.data.token, decision: action.data.decision };
          }
          if (type === "Action.OpenUrl") {
            const url = new URL(action.url);
            if (url.pathname.endsWith("/decision") && url.searchParams.has("token")) {
              return { token: url.searchParams.get("token"), decision: null };
            }
          }
          return null;
        }

        async function decide(item, action, section) {
          const target = decisionToken(action);
          if (target === null) {
            if (action.getJsonTypeName() === "Action.OpenUrl") { window.open(action.url, "_blank", "noopener"); }
            return;
          }
          const comment = section.querySelector("textarea").value || null;
          const response = await fetch(`/api/approvals/${item.approvalId}/decision`, {
            method: "POST",
            headers: { "content-type": "application/json" },
            body: JSON.stringify({ token: target.token, decision: target.decision, comment }),
          });
          const answer = await response.json();
          section.dataset.state = answer.status;
          section.querySelector(".status").textContent = answer.message;
        }

        function render(item) {
          const section = document.createElement("section");
          section.className = "approval";
          section.dataset.approvalId = item.approvalId;
          section.dataset.state = "Pending";
          const header = document.createElement("header");
          header.textContent = `${item.workflow} · ${item.kind} · ${item.approvalId}`;
          section.appendChild(header);
          const card = new AdaptiveCards.AdaptiveCard();
          card.onExecuteAction = action => decide(item, action, section);
          card.parse(item.card);
          section.appendChild(card.render());
          const comment = document.createElement("textarea");
          comment.placeholder = "Comment (optional)";
          comment.maxLength = 1000;
          section.appendChild(comment);
          const status = document.createElement("div");
          status.className = "status";
          status.setAttribute("role", "status");
          section.appendChild(status);
          return section;
        }

        async function refresh() {
          const response = await fetch("/api/approvals");
          const items = await response.json();
          const shown = new Set([...list.children].map(section => section.dataset.approvalId));
          for (const item of items) {
            if (!shown.has(item.approvalId)) { list.appendChild(render(item)); }
          }
          empty.hidden = list.children.length > 0;
        }

        refresh();
        setInterval(refresh, 2000);
        </script>
        </body>
        </html>
        """;
}
