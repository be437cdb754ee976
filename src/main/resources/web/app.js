// xianjie serve — the page. Plain DOM, no external scripts; every text from a report is set with
// textContent, never parsed as HTML.
(function () {
  'use strict';

  var T = {
    zh: {
      appTitle: '衔接资金合规检查', navCheck: '检查项目表', navRules: '规则手册', langButton: 'English',
      dropHint: '把项目表（.xlsx / .csv）或计划 JSON 拖到这里，或点击选择文件',
      factsLegend: '计划信息（表格不含的内容；表题写明的已自动填入）',
      county: '县（市）', prefecture: '地州', year: '年度', fund: '资金来源', fundNone: '（未选）', fundBoth: '两者',
      fundCentral: '中央', fundRegional: '自治区', allocation: '到县资金（万元）', documentNo: '资金下达文号',
      issuedOn: '下达日期', stage: '阶段', stageNone: '（按计划）', stagePlan: '计划阶段（批复前）',
      stageExecution: '执行阶段', measuresYear: '按哪一年的办法', amountColumn: '金额列（表中有两列金额时）', checkButton: '检查', busy: '正在检查…',
      readError: '无法读取', errFile: '文件', errRow: '行', errColumn: '列 / 字段',
      downloadXlsx: '下载审计底稿（Excel）', downloadJson: '下载 JSON 报告', sharesTitle: '比例与限额',
      failuresTitle: '不符合的检查项', reviewTitle: '需人工复核', allTitle: '全部检查（规则 × 对象）',
      filterText: '筛选：规则、项目、说明…', allOutcomes: '全部结论', colRule: '规则', colSubject: '对象',
      colOutcome: '结论', colSeverity: '级别', colMessage: '说明', colSource: '依据', colTitle: '标题',
      colParams: '参数（该年度有效值）', showRules: '显示规则手册',
      footer: '本机运行：上传的文件只在内存中处理，不保存、不外传（上限 20 MiB）。',
      verdictError: '不合规：{n} 项 ERROR 级不符合', verdictWarning: '无 ERROR 级不符合；{n} 项 WARNING 级不符合需关注',
      verdictOk: '未发现不符合', verdictDetail: '通过 {pass} · 无法判定（缺少数据）{und} · 不适用 {na} · 说明理由 {info}',
      shareIndustry: '产业发展资金占到县资金', shareChain: '粮棉果畜占产业发展资金', shareFee: '项目管理费占到县资金',
      atLeast: '不低于', atMost: '不超过', scale: '刻度', notComputed: '无法计算', noFailures: '无不符合项。', noReview: '无需人工复核的项目。',
      plan: '计划整体', project: '项目', shown: '显示 {n} / {all} 条', fromTitle: '由表题推断：{what}',
      jsonPlan: 'JSON 计划自带计划信息，下列字段不适用。', noFile: '请先选择项目表文件。',
      planLine: '{county} {year} 年{fund}衔接资金，到县资金 {alloc} 万元，{n} 个项目；规则集 {rs}，适用 {my} 年办法',
      rulesLine: '规则集 {rs}，适用于 {year} 年（参数基准日 {asOf}），{n} 条规则', none: '无有效值', notEncoded: '（本规则集未编码）',
      network: '无法连接服务器：',
      navAudit: '审计', auditLegend: '资金分配表审计（与 xianjie audit allocation 相同）',
      auditTables: '分配表（.xlsx / .csv，可多张，如中央和自治区）', auditPlans: '县级计划 JSON（可多个，AL-03）',
      auditBudget: '预算收入科目表（AL-05）', auditFactors: '因素数据（AL-04）', auditNotices: '文件日期表（AL-06）',
      fundFromTitle: '（按表题）', factorColumn: '因素法复算的任务列（1 为第一列）', auditButton: '审计', auditBusy: '正在审计…',
      auditTestsTitle: '已执行的测试', auditFindingsTitle: '不符合与无法判定', noTable: '请先选择分配表。',
      noFindings: '无不符合、无无法判定的项目。', undetermined: '无法判定',
      auditLine: '{tables}；{rows} 行；规则集 {rs}，适用 {my} 年办法（参数基准日 {asOf}）'
    },
    en: {
      appTitle: 'Linkage-fund compliance check', navCheck: 'Check a table', navRules: 'Rulebook', langButton: '中文',
      dropHint: 'Drop a project table (.xlsx / .csv) or a plan JSON here, or click to choose a file',
      factsLegend: 'Plan facts (what the table does not say; filled in from its title when it does)',
      county: 'County', prefecture: 'Prefecture', year: 'Year', fund: 'Fund source', fundNone: '(none)', fundBoth: 'both',
      fundCentral: 'Central', fundRegional: 'Regional', allocation: 'Allocation (万元)', documentNo: 'Notice number',
      issuedOn: 'Notice date', stage: 'Stage', stageNone: '(as in the plan)', stagePlan: 'Plan (before approval)',
      stageExecution: 'Execution', measuresYear: 'Measures of year', amountColumn: 'Amount column (when the table has two)', checkButton: 'Check', busy: 'Checking…',
      readError: 'Cannot read the plan', errFile: 'File', errRow: 'Row', errColumn: 'Column / field',
      downloadXlsx: 'Download workpaper (Excel)', downloadJson: 'Download JSON report', sharesTitle: 'Shares and limits',
      failuresTitle: 'Failed checks', reviewTitle: 'For manual review', allTitle: 'Every check (rule × subject)',
      filterText: 'Filter: rule, project, message…', allOutcomes: 'All outcomes', colRule: 'Rule', colSubject: 'Subject',
      colOutcome: 'Outcome', colSeverity: 'Severity', colMessage: 'Message', colSource: 'Source', colTitle: 'Title',
      colParams: 'Parameters in force', showRules: 'Show rulebook',
      footer: 'Runs on this computer: uploads are processed in memory only, never stored or sent elsewhere (20 MiB at most).',
      verdictError: 'Not compliant: {n} ERROR-severity failures', verdictWarning: 'No ERROR-severity failure; {n} WARNING-severity failures to look at',
      verdictOk: 'No failure found', verdictDetail: 'passed {pass} · undetermined (missing data) {und} · not applicable {na} · justified {info}',
      shareIndustry: 'Industry projects / allocation', shareChain: 'Grain, cotton, fruit, livestock / industry funds', shareFee: 'Management fee / allocation',
      atLeast: 'at least', atMost: 'at most', scale: 'scale', notComputed: 'cannot be computed', noFailures: 'No failed check.', noReview: 'Nothing for manual review.',
      plan: 'whole plan', project: 'project', shown: '{n} of {all} shown', fromTitle: 'From the title: {what}',
      jsonPlan: 'A JSON plan carries its own facts; the fields below do not apply.', noFile: 'Choose a project table first.',
      planLine: '{county} {year} {fund} linkage funds, allocation {alloc} 万元, {n} projects; ruleset {rs}, measures of {my}',
      rulesLine: 'ruleset {rs}, measures in force in {year} (as of {asOf}), {n} rules', none: 'none in force', notEncoded: ' (not encoded in this ruleset)',
      network: 'Cannot reach the server: ',
      navAudit: 'Audit', auditLegend: 'Allocation table audit (as xianjie audit allocation)',
      auditTables: 'Allocation tables (.xlsx / .csv; several, e.g. central and regional)', auditPlans: 'County plan JSON files (AL-03)',
      auditBudget: 'Budget revenue lines (AL-05)', auditFactors: 'Factor data (AL-04)', auditNotices: 'Notice dates (AL-06)',
      fundFromTitle: '(from the title)', factorColumn: 'Task column recomputed by the factor method (1 = first)', auditButton: 'Audit', auditBusy: 'Auditing…',
      auditTestsTitle: 'Tests performed', auditFindingsTitle: 'Failures and undetermined', noTable: 'Choose an allocation table first.',
      noFindings: 'Nothing failed, nothing undetermined.', undetermined: 'UNDETERMINED',
      auditLine: '{tables}; {rows} rows; ruleset {rs}, measures of {my} (as of {asOf})'
    }
  };
  var lang = (localStorage.getItem('xianjie.lang') === 'en') ? 'en' : 'zh';
  var current = null;   // {report, projects}
  var audited = null;   // the last allocation audit report
  var file = null;

  function t(key, vars) {
    var s = T[lang][key] || key;
    if (vars) { Object.keys(vars).forEach(function (k) { s = s.split('{' + k + '}').join(vars[k]); }); }
    return s;
  }
  function $(id) { return document.getElementById(id); }
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    return e;
  }

  function applyLang() {
    document.documentElement.lang = lang === 'en' ? 'en' : 'zh-CN';
    document.querySelectorAll('[data-i18n]').forEach(function (e) { e.textContent = t(e.getAttribute('data-i18n')); });
    document.querySelectorAll('[data-i18n-placeholder]').forEach(function (e) { e.placeholder = t(e.getAttribute('data-i18n-placeholder')); });
    $('lang-toggle').textContent = t('langButton');
    if (current) { render(current); }
    if (audited) { renderAudit(audited); }
    if (!$('view-rules').hidden && lastRules) { renderRules(lastRules); }
  }

  // ---- views -------------------------------------------------------------------------------
  function route() {
    var view = location.hash === '#rules' ? 'rules' : location.hash === '#audit' ? 'audit' : 'check';
    ['check', 'audit', 'rules'].forEach(function (v) {
      $('view-' + v).hidden = v !== view;
      $('nav-' + v).classList.toggle('active', v === view);
    });
    if (view === 'rules' && !lastRules) { loadRules(); }
  }

  // ---- upload ------------------------------------------------------------------------------
  function chooseFile(f) {
    file = f;
    $('file-name').textContent = f ? f.name + ' (' + Math.round(f.size / 1024) + ' KiB)' : '';
    $('title-hint').textContent = '';
    hideError();
    if (!f) { return; }
    var json = /\.json$/i.test(f.name);
    document.querySelectorAll('#facts input, #facts select').forEach(function (e) {
      if (e.id !== 'f-stage' && e.id !== 'f-measuresYear') { e.disabled = json; }
    });
    if (json) { $('title-hint').textContent = t('jsonPlan'); return; }
    var fd = new FormData();
    fd.append('plan', f);
    fetch('/api/facts', { method: 'POST', body: fd }).then(function (r) { return r.json(); }).then(function (facts) {
      var taken = [];
      if (facts.year && !$('f-year').value) { $('f-year').value = facts.year; taken.push(t('year') + ' ' + facts.year); }
      if (facts.fundSource && !$('f-fund').value) {
        $('f-fund').value = facts.fundSource;
        taken.push(t('fund') + ' ' + t(facts.fundSource === 'CENTRAL' ? 'fundCentral' : 'fundRegional'));
      }
      if (taken.length) { $('title-hint').textContent = t('fromTitle', { what: taken.join('、') }); }
      if (facts.unread && !/计划信息|plan facts/.test(facts.unread.message)) { showError(facts.unread); }
    }).catch(function () { /* prefill is a convenience only */ });
  }

  function formData() {
    var fd = new FormData();
    fd.append('plan', file);
    document.querySelectorAll('#facts input, #facts select').forEach(function (e) {
      if (!e.disabled && e.value.trim() !== '') { fd.append(e.name, e.value.trim()); }
    });
    fd.append('lang', lang);
    return fd;
  }

  function check(ev) {
    ev.preventDefault();
    if (!file) { showError({ file: null, row: null, column: null, message: t('noFile') }); return; }
    hideError();
    $('report').hidden = true;
    $('busy').hidden = false;
    $('check-button').disabled = true;
    fetch('/api/view', { method: 'POST', body: formData() }).then(function (r) {
      return r.json().then(function (body) { return { ok: r.ok, body: body }; });
    }).then(function (res) {
      if (!res.ok) { showError(res.body); return; }
      current = res.body;
      render(current);
    }).catch(function (e) {
      showError({ file: file && file.name, row: null, column: null, message: t('network') + e });
    }).then(function () {
      $('busy').hidden = true;
      $('check-button').disabled = false;
    });
  }

  function showError(e, where) {
    var p = where ? where + '-' : '';
    $(p + 'error').hidden = false;
    $(p + 'error-file').textContent = e.file || '—';
    $(p + 'error-row').textContent = e.row === null || e.row === undefined ? '—' : e.row;
    $(p + 'error-column').textContent = e.column || '—';
    $(p + 'error-message').textContent = e.message || '';
  }
  function hideError(where) { $((where ? where + '-' : '') + 'error').hidden = true; }

  function download(format) {
    if (!file) { return; }
    fetch('/api/check?format=' + format, { method: 'POST', body: formData() }).then(function (r) {
      if (!r.ok) { return r.json().then(showError); }
      return r.blob().then(function (b) {
        var a = document.createElement('a');
        a.href = URL.createObjectURL(b);
        a.download = file.name.replace(/\.[^.]+$/, '') + (format === 'xlsx' ? '-workpaper.xlsx' : '-report.json');
        a.id = 'download-link-' + format;
        document.body.appendChild(a);
        a.click();
        setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 60000);
      });
    });
  }

  // ---- report ------------------------------------------------------------------------------
  function projectName(subject) {
    if (subject === 'plan') { return t('plan'); }
    var p = (current.projects || []).filter(function (x) { return x.subject === subject; })[0];
    return t('project') + ' ' + subject + (p && p.name ? '「' + p.name + '」' : '');
  }
  function msg(r) { return lang === 'en' && r.messageEn ? r.messageEn : r.message; }

  function render(view) {
    var rep = view.report;
    $('report').hidden = false;
    var s = rep.summary;
    var v = $('verdict');
    v.textContent = '';
    var verdict = s.ERROR > 0 ? 'ERROR' : (s.WARNING > 0 ? 'WARNING' : 'OK');
    v.setAttribute('data-verdict', verdict);
    v.appendChild(el('span', 'verdict-text', verdict === 'ERROR' ? t('verdictError', { n: s.ERROR })
      : verdict === 'WARNING' ? t('verdictWarning', { n: s.WARNING }) : t('verdictOk')));
    v.appendChild(el('small', null, t('verdictDetail', { pass: s.PASS, und: s.UNDETERMINED, na: s.NOT_APPLICABLE, info: s.INFO })));
    var p = rep.plan;
    $('plan-line').textContent = t('planLine', {
      county: p.county, year: p.year, fund: t(p.fundSource === 'CENTRAL' ? 'fundCentral' : 'fundRegional'),
      alloc: p.allocation === undefined ? '—' : p.allocation, n: p.projects, rs: rep.ruleset.version, my: rep.ruleset.measuresYear
    });
    renderShares(rep);
    renderFailures(rep);
    renderReview(rep);
    renderResults(rep);
  }

  function planResult(rep, id) {
    return rep.results.filter(function (r) { return r.ruleId === id && r.subject === 'plan'; })[0];
  }

  function renderShares(rep) {
    var box = $('shares');
    box.textContent = '';
    [['industry', 'IS-01', 'industryShare', 'shareIndustry', 'min'],
     ['chain', 'IS-02', 'chainShareOfIndustry', 'shareChain', 'min'],
     ['fee', 'AF-01', 'managementFeeShare', 'shareFee', 'max']].forEach(function (d) {
      var r = planResult(rep, d[1]);
      var ev = (r && r.evidence) || {};
      var actual = ev.actual !== undefined ? Number(ev.actual) : (rep.metrics[d[2]] !== undefined ? Number(rep.metrics[d[2]]) : null);
      var limit = ev.limit !== undefined ? Number(ev.limit) : null;
      var div = el('div', 'share');
      div.id = 'share-' + d[0];
      div.setAttribute('data-outcome', r ? r.outcome : 'NONE');
      var head = el('div', 'head');
      head.appendChild(el('span', null, t(d[3]) + (r ? ' · ' + r.ruleId : '')));
      var shown = actual === null ? t('notComputed') : (ev.actualPercent || (actual * 100).toFixed(2) + '%');
      var val = el('span', 'value', shown);
      head.appendChild(val);
      div.appendChild(head);
      div.appendChild(bar(actual, limit, d[4], r));
      var lim = limit === null ? '' : (d[4] === 'min' ? t('atLeast') : t('atMost')) + ' ' + (ev.limitPercent || (limit * 100) + '%');
      if (d[4] === 'max' && limit !== null) { lim += ' (' + t('scale') + ' 0–' + +(Math.max(limit * 4, actual || 0) * 100).toFixed(2) + '%)'; }
      div.appendChild(el('div', 'muted', lim + (r ? ' — ' + msg(r) : '')));
      box.appendChild(div);
    });
  }

  var SVG = 'http://www.w3.org/2000/svg';
  function svg(tag, attrs) {
    var e = document.createElementNS(SVG, tag);
    Object.keys(attrs).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    return e;
  }
  function bar(actual, limit, kind, r) {
    // Scale: 0–100% for minimum shares; for a small cap (fee) 0 to four times the cap, so 1% is visible.
    var top = kind === 'max' && limit !== null ? Math.max(limit * 4, actual || 0) : 1;
    var s = svg('svg', { viewBox: '0 0 400 34', preserveAspectRatio: 'none', role: 'img' });
    s.appendChild(svg('rect', { x: 0, y: 6, width: 400, height: 18, fill: '#e4e8ee', rx: 3 }));
    var color = !r ? '#9aa5b1' : r.outcome === 'PASS' ? '#2e7d32' : r.outcome === 'FAIL' ? (r.severity === 'ERROR' ? '#c62828' : '#d79b00') : '#9aa5b1';
    if (actual !== null) {
      s.appendChild(svg('rect', { x: 0, y: 6, width: Math.min(400, 400 * actual / top), height: 18, fill: color, rx: 3, 'class': 'actual' }));
    }
    if (limit !== null) {
      var x = Math.min(399, 400 * limit / top);
      s.appendChild(svg('line', { x1: x, x2: x, y1: 0, y2: 30, stroke: '#1d2530', 'stroke-width': 2, 'class': 'limit' }));
    }
    return s;
  }

  function evidenceList(ev) {
    var dl = el('dl');
    Object.keys(ev || {}).forEach(function (k) {
      var v = ev[k];
      if (v === null || v === undefined) { return; }
      dl.appendChild(el('dt', null, k));
      dl.appendChild(el('dd', null, typeof v === 'object' ? JSON.stringify(v) : v));
    });
    return dl;
  }

  function finding(r, cls) {
    var d = el('div', 'finding ' + cls);
    var h = el('div');
    h.appendChild(el('span', 'rid', r.ruleId + ' [' + r.severity + ']'));
    h.appendChild(el('span', 'subj', projectName(r.subject)));
    d.appendChild(h);
    d.appendChild(el('div', 'title', r.title));
    d.appendChild(el('div', 'msg', msg(r)));
    d.appendChild(el('div', 'src', (lang === 'en' ? 'Source: ' : '依据：') + r.source));
    d.appendChild(evidenceList(r.evidence));
    return d;
  }

  function renderFailures(rep) {
    var box = $('failures');
    box.textContent = '';
    var fails = rep.results.filter(function (r) { return r.outcome === 'FAIL' && r.ruleId !== 'NL-99'; });
    if (!fails.length) { box.appendChild(el('p', 'muted', t('noFailures'))); }
    fails.forEach(function (r) { box.appendChild(finding(r, r.severity)); });
  }

  function renderReview(rep) {
    var box = $('review');
    box.textContent = '';
    var items = rep.results.filter(function (r) { return r.ruleId === 'NL-99' && (r.outcome === 'FAIL' || r.outcome === 'UNDETERMINED'); });
    if (!items.length) { box.appendChild(el('p', 'muted', t('noReview'))); }
    items.forEach(function (r) { box.appendChild(finding(r, 'review')); });
  }

  function renderResults(rep) {
    var tb = document.querySelector('#results tbody');
    tb.textContent = '';
    rep.results.forEach(function (r) {
      var tr = el('tr');
      tr.setAttribute('data-outcome', r.outcome);
      [r.ruleId, projectName(r.subject), r.outcome, r.severity, msg(r), r.source].forEach(function (c, i) {
        tr.appendChild(el('td', i === 2 ? r.outcome : null, c));
      });
      tb.appendChild(tr);
    });
    filter();
  }

  function filter() {
    if (!current) { return; }
    var q = $('filter-text').value.trim().toLowerCase();
    var o = $('filter-outcome').value;
    var rows = document.querySelectorAll('#results tbody tr');
    var n = 0;
    rows.forEach(function (tr) {
      var show = (!o || tr.getAttribute('data-outcome') === o) && (!q || tr.textContent.toLowerCase().indexOf(q) >= 0);
      tr.hidden = !show;
      if (show) { n++; }
    });
    $('filter-count').textContent = t('shown', { n: n, all: rows.length });
  }

  // ---- allocation audit --------------------------------------------------------------------
  function auditData() {
    var fd = new FormData();
    ['allocation', 'plans', 'budget', 'factors', 'notices'].forEach(function (f) {
      Array.prototype.forEach.call($('a-' + f).files, function (x) { fd.append(f, x); });
    });
    ['fund', 'factorColumn', 'measuresYear'].forEach(function (f) {
      var v = $('a-' + f).value.trim();
      if (v !== '') { fd.append(f, v); }
    });
    fd.append('lang', lang);
    return fd;
  }

  function audit(ev) {
    ev.preventDefault();
    if (!$('a-allocation').files.length) { showError({ file: null, row: null, column: null, message: t('noTable') }, 'audit'); return; }
    hideError('audit');
    $('audit-report').hidden = true;
    $('audit-busy').hidden = false;
    $('audit-button').disabled = true;
    fetch('/api/audit/allocation?format=json', { method: 'POST', body: auditData() }).then(function (r) {
      return r.json().then(function (body) { return { ok: r.ok, body: body }; });
    }).then(function (res) {
      if (!res.ok) { showError(res.body, 'audit'); return; }
      audited = res.body;
      renderAudit(audited);
    }).catch(function (e) {
      showError({ file: null, row: null, column: null, message: t('network') + e }, 'audit');
    }).then(function () {
      $('audit-busy').hidden = true;
      $('audit-button').disabled = false;
    });
  }

  function auditDownload(format) {
    var first = $('a-allocation').files[0];
    if (!first) { return; }
    fetch('/api/audit/allocation?format=' + format, { method: 'POST', body: auditData() }).then(function (r) {
      if (!r.ok) { return r.json().then(function (e) { showError(e, 'audit'); }); }
      return r.blob().then(function (b) {
        var a = document.createElement('a');
        a.href = URL.createObjectURL(b);
        a.download = first.name.replace(/\.[^.]+$/, '') + (format === 'xlsx' ? '-audit.xlsx' : '-audit.json');
        a.id = 'audit-download-link-' + format;
        document.body.appendChild(a);
        a.click();
        setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 60000);
      });
    });
  }

  function renderAudit(rep) {
    $('audit-report').hidden = false;
    var s = rep.summary;
    var v = $('audit-verdict');
    v.textContent = '';
    var verdict = s.ERROR > 0 ? 'ERROR' : (s.WARNING > 0 ? 'WARNING' : 'OK');
    v.setAttribute('data-verdict', verdict);
    v.appendChild(el('span', 'verdict-text', verdict === 'ERROR' ? t('verdictError', { n: s.ERROR })
      : verdict === 'WARNING' ? t('verdictWarning', { n: s.WARNING }) : t('verdictOk')));
    v.appendChild(el('small', null, t('verdictDetail', { pass: s.PASS, und: s.UNDETERMINED, na: s.NOT_APPLICABLE, info: s.INFO })));
    var tables = (rep.audit.tables || []).map(function (x) {
      return lang === 'en' ? x : x.replace(' (CENTRAL)', '（中央）').replace(' (REGIONAL)', '（自治区）');
    });
    $('audit-line').textContent = t('auditLine', { tables: tables.join(lang === 'en' ? '; ' : '；'), rows: rep.audit.rows,
      rs: rep.ruleset.version, my: rep.ruleset.measuresYear, asOf: rep.ruleset.asOf });
    var tb = document.querySelector('#audit-tests tbody');
    tb.textContent = '';
    rep.tests.forEach(function (x) {
      var tr = el('tr');
      tr.setAttribute('data-rule', x.ruleId);
      [x.ruleId, lang === 'en' ? x.titleEn : x.title, x.PASS, x.FAIL, x.UNDETERMINED, x.NOT_APPLICABLE, x.source].forEach(function (c, i) {
        tr.appendChild(el('td', i === 3 && x.FAIL > 0 ? 'FAIL' : null, c));
      });
      tb.appendChild(tr);
    });
    var box = $('audit-findings');
    box.textContent = '';
    var found = rep.results.filter(function (r) { return r.outcome === 'FAIL' || r.outcome === 'UNDETERMINED'; });
    if (!found.length) { box.appendChild(el('p', 'muted', t('noFindings'))); }
    found.forEach(function (r) {
      var d = el('div', 'finding ' + (r.outcome === 'FAIL' ? r.severity : 'review'));
      var h = el('div');
      h.appendChild(el('span', 'rid', r.ruleId + ' [' + (r.outcome === 'FAIL' ? r.severity : t('undetermined')) + ']'));
      h.appendChild(el('span', 'subj', r.subject));
      d.appendChild(h);
      d.appendChild(el('div', 'msg', msg(r)));
      d.appendChild(el('div', 'src', (lang === 'en' ? 'Source: ' : '依据：') + r.source));
      d.appendChild(evidenceList(r.evidence));
      box.appendChild(d);
    });
    var rb = document.querySelector('#audit-results tbody');
    rb.textContent = '';
    rep.results.forEach(function (r) {
      var tr = el('tr');
      tr.setAttribute('data-outcome', r.outcome);
      [r.ruleId, r.subject, r.outcome, r.severity, msg(r)].forEach(function (c, i) {
        tr.appendChild(el('td', i === 2 ? r.outcome : null, c));
      });
      rb.appendChild(tr);
    });
  }

  // ---- rulebook ----------------------------------------------------------------------------
  var lastRules = null;
  var rulesRequest = 0;   // only the newest request may render: an earlier answer arriving late is dropped
  function loadRules(ev) {
    if (ev) { ev.preventDefault(); }
    var mine = ++rulesRequest;
    var q = [];
    if ($('rules-year').value.trim()) { q.push('year=' + encodeURIComponent($('rules-year').value.trim())); }
    if ($('rules-fund').value) { q.push('fund=' + $('rules-fund').value); }
    fetch('/api/rules' + (q.length ? '?' + q.join('&') : '')).then(function (r) {
      return r.json().then(function (b) { return { ok: r.ok, body: b }; });
    }).then(function (res) {
      if (mine !== rulesRequest) { return; }
      if (!res.ok) { $('rules-line').textContent = res.body.message; return; }
      lastRules = res.body;
      if (!$('rules-year').value) { $('rules-year').value = res.body.year; }
      renderRules(res.body);
    });
  }
  function renderRules(book) {
    $('rules-line').textContent = t('rulesLine', { rs: book.ruleset.version, year: book.year, asOf: book.asOf, n: book.rules.length });
    var tb = document.querySelector('#rulebook tbody');
    tb.textContent = '';
    book.rules.forEach(function (r) {
      var tr = el('tr');
      tr.appendChild(el('td', null, r.id));
      tr.appendChild(el('td', null, (lang === 'en' ? r.titleEn : r.title) + (r.encoded ? '' : t('notEncoded'))));
      tr.appendChild(el('td', null, r.severity));
      tr.appendChild(el('td', null, r.source));
      var ps = el('td');
      r.parameters.forEach(function (p) {
        ps.appendChild(el('div', null, p.name + ' (' + p.fundSource + ') = ' + (p.value === null ? t('none')
          : p.value + ' ' + p.unit + (p.severity ? ' ' + p.severity : '') + ' · ' + p.effectiveFrom + ' · ' + p.reference)));
      });
      tr.appendChild(ps);
      tb.appendChild(tr);
    });
  }

  // ---- wiring ------------------------------------------------------------------------------
  var drop = $('drop');
  drop.addEventListener('dragover', function (e) { e.preventDefault(); drop.classList.add('over'); });
  drop.addEventListener('dragleave', function () { drop.classList.remove('over'); });
  drop.addEventListener('drop', function (e) {
    e.preventDefault();
    drop.classList.remove('over');
    if (e.dataTransfer.files.length) { chooseFile(e.dataTransfer.files[0]); }
  });
  $('plan-file').addEventListener('change', function () { chooseFile(this.files[0] || null); });
  $('check-form').addEventListener('submit', check);
  $('download-xlsx').addEventListener('click', function () { download('xlsx'); });
  $('download-json').addEventListener('click', function () { download('json'); });
  $('filter-text').addEventListener('input', filter);
  $('filter-outcome').addEventListener('change', filter);
  $('rules-form').addEventListener('submit', loadRules);
  $('audit-form').addEventListener('submit', audit);
  $('audit-download-xlsx').addEventListener('click', function () { auditDownload('xlsx'); });
  $('audit-download-json').addEventListener('click', function () { auditDownload('json'); });
  $('lang-toggle').addEventListener('click', function () {
    lang = lang === 'zh' ? 'en' : 'zh';
    localStorage.setItem('xianjie.lang', lang);
    applyLang();
  });
  window.addEventListener('hashchange', route);
  applyLang();
  route();
}());
