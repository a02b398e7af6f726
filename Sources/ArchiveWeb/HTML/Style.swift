// The one stylesheet, served from the binary at /assets/style.css (nothing from a CDN: the machine may be
// offline). Light and dark follow the system setting; print drops navigation and forms and spells out links.

enum Style {
    /// The tab's icon: a serif A on the archive's burgundy.
    static let icon = """
        <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#8a2040"/>\
        <text x="16" y="23" text-anchor="middle" font-family="Georgia, serif" font-size="20" font-weight="700" fill="#faf8f5">A</text></svg>
        """

    static let css = """
    :root {
      --paper: #faf8f5; --ink: #1f1d1a; --muted: #5c5650; --line: #ddd6cc; --card: #ffffff;
      --accent: #8a2040; --accent-soft: #f4e4e8; --mark: #fbe7a1; --focus: #1a5fb4;
      --serif: "Iowan Old Style", "Palatino Linotype", Palatino, "Book Antiqua", Georgia, serif;
      --sans: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
      color-scheme: light dark;
    }
    @media (prefers-color-scheme: dark) {
      :root { --paper: #151412; --ink: #ece8e1; --muted: #b3aca2; --line: #3a3631; --card: #1e1c19;
              --accent: #f0a3b8; --accent-soft: #3b2029; --mark: #5e4a12; --focus: #8ab4f8; }
    }
    * { box-sizing: border-box; }
    html { font-size: 100%; }
    body { margin: 0; background: var(--paper); color: var(--ink); font: 1rem/1.6 var(--sans); }
    a { color: var(--accent); text-underline-offset: 0.15em; }
    a:hover { text-decoration-thickness: 2px; }
    :focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; border-radius: 2px; }
    .skip { position: absolute; left: -999px; top: 0; background: var(--card); padding: .5rem 1rem; }
    .skip:focus { left: 1rem; z-index: 10; }
    header.site { border-bottom: 1px solid var(--line); background: var(--card); }
    .bar { max-width: 72rem; margin: 0 auto; padding: .75rem 1.25rem; display: flex; flex-wrap: wrap; gap: .5rem 1.5rem; align-items: center; }
    .brand { font: 600 1.35rem/1 var(--serif); color: var(--ink); text-decoration: none; letter-spacing: .01em; }
    nav.site ul { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: .25rem 1rem; }
    nav.site a { text-decoration: none; color: var(--muted); padding: .25rem 0; }
    nav.site a[aria-current="page"] { color: var(--ink); border-bottom: 2px solid var(--accent); }
    main { max-width: 72rem; margin: 0 auto; padding: 1.5rem 1.25rem 3rem; }
    h1, h2, h3 { font-family: var(--serif); font-weight: 600; line-height: 1.2; }
    h1 { font-size: clamp(1.8rem, 1.2rem + 2vw, 2.6rem); margin: .5rem 0 1rem; }
    h2 { font-size: 1.35rem; margin: 2rem 0 .75rem; }
    h3 { font-size: 1.05rem; margin: 1.25rem 0 .5rem; }
    .lede { font-size: 1.125rem; color: var(--muted); max-width: 42rem; }
    .muted { color: var(--muted); }
    form.search { display: flex; flex-wrap: wrap; gap: .5rem; margin: 1rem 0 1.5rem; align-items: end; }
    form.search .field { display: flex; flex-direction: column; gap: .2rem; }
    form.search .grow { flex: 1 1 18rem; }
    label { font-size: .85rem; color: var(--muted); }
    input, select, button { font: inherit; color: var(--ink); background: var(--card); border: 1px solid var(--line);
                            border-radius: .4rem; padding: .5rem .7rem; min-height: 2.6rem; }
    input[type=search] { width: 100%; }
    button { background: var(--accent); border-color: var(--accent); color: var(--paper); font-weight: 600; cursor: pointer; }
    .layout { display: grid; gap: 2rem; grid-template-columns: minmax(0, 1fr); }
    @media (min-width: 56rem) { .layout { grid-template-columns: minmax(0, 1fr) 16rem; } }
    ol.hits { list-style: none; margin: 0; padding: 0; }
    ol.hits li { padding: 1rem 0; border-bottom: 1px solid var(--line); }
    .hit-title { font: 600 1.15rem/1.3 var(--serif); }
    .kind { display: inline-block; font-size: .75rem; text-transform: uppercase; letter-spacing: .06em; color: var(--accent);
            background: var(--accent-soft); border-radius: 1rem; padding: .05rem .55rem; margin-right: .4rem; vertical-align: .15em; }
    .passage { margin: .35rem 0 0; color: var(--ink); }
    mark { background: var(--mark); color: inherit; padding: 0 .1em; border-radius: .15em; }
    aside.facets section { margin-bottom: 1.5rem; }
    aside.facets h2 { font-size: 1rem; margin: 0 0 .5rem; }
    aside.facets ul { list-style: none; margin: 0; padding: 0; }
    aside.facets li { display: flex; justify-content: space-between; gap: 1rem; padding: .15rem 0; }
    .count { color: var(--muted); font-variant-numeric: tabular-nums; }
    .pager { display: flex; flex-wrap: wrap; gap: 1rem; align-items: center; margin: 1.5rem 0; }
    .downloads { font-size: .9rem; color: var(--muted); }
    table.data { border-collapse: collapse; width: 100%; font-size: .95rem; }
    table.data th, table.data td { text-align: left; vertical-align: top; padding: .45rem .6rem; border-bottom: 1px solid var(--line); }
    table.data th { font-weight: 600; white-space: nowrap; }
    .scroll { overflow-x: auto; }
    dl.fields { display: grid; grid-template-columns: minmax(8rem, max-content) 1fr; gap: .35rem 1.25rem; margin: 0; }
    dl.fields dt { color: var(--muted); }
    dl.fields dd { margin: 0; overflow-wrap: anywhere; }
    .cards { display: grid; gap: 1rem; grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr)); padding: 0; list-style: none; }
    .cards li { background: var(--card); border: 1px solid var(--line); border-radius: .6rem; padding: 1rem; }
    .cards .number { font: 600 1.8rem/1 var(--serif); display: block; }
    .relations ul { margin: .25rem 0 1rem; padding-left: 1.25rem; }
    .cite { background: var(--card); border: 1px solid var(--line); border-radius: .6rem; padding: 1rem 1.25rem; }
    .cite p { margin: .25rem 0; }
    figure.graph { margin: 1rem 0; }
    figure.graph svg { width: 100%; max-width: 44rem; height: auto; display: block; }
    svg text { fill: var(--ink); font: 13px var(--sans); }
    svg .edge { stroke: var(--line); stroke-width: 1.5; }
    svg .node { fill: var(--card); stroke: var(--accent); stroke-width: 1.5; }
    svg .centre { fill: var(--accent-soft); }
    ol.timeline { list-style: none; padding: 0; margin: 0; border-left: 2px solid var(--line); }
    ol.timeline li { position: relative; padding: .35rem 0 .35rem 1.25rem; }
    ol.timeline li::before { content: ""; position: absolute; left: -6px; top: .95rem; width: 10px; height: 10px; border-radius: 50%; background: var(--accent); }
    .year { font: 600 1rem var(--serif); margin-right: .5rem; font-variant-numeric: tabular-nums; }
    footer.site { border-top: 1px solid var(--line); color: var(--muted); font-size: .85rem; }
    footer.site .bar { padding: 1rem 1.25rem; }
    @media print {
      header.site, footer.site, form, .pager, .downloads, .skip, figure.graph { display: none; }
      body { background: #fff; color: #000; font-size: 11pt; }
      a { color: #000; }
      main a[href^="http"]::after { content: " <" attr(href) ">"; font-size: .85em; }
      .cite { border: 1px solid #000; }
    }
    """
}
