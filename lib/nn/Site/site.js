// The course website's script (nn site): typesets the equations Markdig marked and highlights the C# code, with the
// KaTeX and highlight.js copied into assets/. It runs at the end of the page, after both are loaded.
(function () {
  // Markdig writes $x$ as <span class="math">\(x\)</span>, $$x$$ within a paragraph as
  // <span class="math display">\(x\)</span> and a $$ block as <div class="math">\[x\]</div>.
  document.querySelectorAll(".math").forEach(function (element) {
    var tex = element.textContent.trim().replace(/^\\[(\[]/, "").replace(/\\[)\]]$/, "");
    var display = element.tagName === "DIV" || element.classList.contains("display");
    katex.render(tex, element, { displayMode: display, throwOnError: false });
  });
  document.querySelectorAll("pre code.language-csharp").forEach(function (block) {
    hljs.highlightElement(block);
  });
})();
