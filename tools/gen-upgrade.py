#!/usr/bin/env python3
"""Generate the upgrade script sql/ecocomp--OLD--NEW.sql.

    python3 tools/gen-upgrade.py OLD NEW [--output FILE|-]

(`make upgrade-script` runs it for the last release and the control file's
version.)  Inputs, all in the repository:

  sql/released/ecocomp--OLD.sql     the install script of the release OLD
  sql/install/*.sql                 the install script of NEW, in name order
  sql/upgrade/OLD--NEW-pre.sql      a hand-written prologue (optional)

The output is, in this order:

  (a) the prologue, for what cannot be derived from the two scripts:
      routines that CREATE OR REPLACE cannot turn into the new ones (same
      argument types but another return type, other argument names, fewer
      defaults, another kind), ALTER TABLE / ALTER TYPE for tables and types
      whose definition changed;
  (b) the NEW install script made re-runnable over OLD: CREATE FUNCTION /
      AGGREGATE / VIEW become CREATE OR REPLACE; CREATE TABLE, TYPE, DOMAIN,
      SEQUENCE and INDEX are kept only for objects OLD does not have;
      INSERTs into reference tables become upserts on the primary key, and
      the built-in rows (those pg_extension_config_dump does not dump) that
      NEW no longer ships are deleted, so user rows are untouched and the
      contents equal a fresh install; everything else (COMMENT, GRANT,
      pg_extension_config_dump, ...) as it is;
  (c) the routines, types and tables OLD has and NEW has not: routines are
      dropped, or -- when objects outside the extension (a user's views)
      depend on them -- detached from the extension and renamed NAME_OLD
      with a WARNING; then types and tables are dropped.  The routines are
      retired before (b) already, where nothing of the extension uses them
      (so a new signature with more defaulted arguments cannot make a call
      in (b) ambiguous), the rest after it.

The generator refuses (exit 1, with the reason) when it meets a change it
cannot handle and the prologue does not handle: an incompatible routine the
prologue does not retire, a changed table or type the prologue does not
ALTER, a statement kind it does not know.  The output depends only on the
inputs (no dates), so regenerating into a temporary file and diffing tells
whether the committed script is current (test/shell/upgrade.sh does).

The lexer follows PostgreSQL's: -- and nested /* */ comments, '' strings
(E'' with backslashes), "" identifiers, $tag$ dollar quotes, psql
backslash lines at the start of a statement.
"""

import argparse
import os
import re
import sys

EXT = 'ecocomp'
HELPER = '@extschema@._upgrade_retire'


class GenError(Exception):
    pass


# --------------------------------------------------------------------------
# lexing and splitting
# --------------------------------------------------------------------------

class Stmt:
    def __init__(self, text, code, origin):
        self.text = text          # as written, with its leading comments
        self.code = code          # comments removed, whitespace collapsed
        self.origin = origin      # file:line of its first code character
        self.kind = None
        self.name = None          # schema-less lower-case object name
        self.info = {}

    def __repr__(self):
        return '<%s %s %s>' % (self.kind, self.name, self.origin)


def split_sql(src, fname):
    """Split a script into statements.  Returns a list of Stmt; text keeps
    comments and layout, code has comments removed and strings intact."""
    stmts = []
    i, n = 0, len(src)
    start = 0
    code = []
    code_line = None
    depth = 0

    def line_of(pos):
        return src.count('\n', 0, pos) + 1

    while i < n:
        c = src[i]
        if c == '-' and src.startswith('--', i):
            j = src.find('\n', i)
            j = n if j < 0 else j
            code.append(' ')
            i = j
            continue
        if c == '/' and src.startswith('/*', i):
            depth, j = 1, i + 2
            while j < n and depth:
                if src.startswith('/*', j):
                    depth, j = depth + 1, j + 2
                elif src.startswith('*/', j):
                    depth, j = depth - 1, j + 2
                else:
                    j += 1
            if depth:
                raise GenError('%s:%d: unterminated comment' % (fname, line_of(i)))
            code.append(' ')
            i = j
            continue
        if c == '\\' and not ''.join(code).strip():
            # psql meta-command (\echo ... \quit): the rest of the line
            j = src.find('\n', i)
            j = n if j < 0 else j
            i = j
            start = i
            continue
        if code_line is None and not c.isspace():
            code_line = line_of(i)
        if c == "'":
            esc = i > 0 and src[i - 1] in 'eE' and (i < 2 or not (src[i - 2].isalnum() or src[i - 2] == '_'))
            j = i + 1
            while j < n:
                if esc and src[j] == '\\':
                    j += 2
                    continue
                if src[j] == "'":
                    if j + 1 < n and src[j + 1] == "'":
                        j += 2
                        continue
                    break
                j += 1
            if j >= n:
                raise GenError('%s:%d: unterminated string' % (fname, line_of(i)))
            code.append(src[i:j + 1])
            i = j + 1
            continue
        if c == '"':
            j = src.find('"', i + 1)
            while j >= 0 and src.startswith('""', j):
                j = src.find('"', j + 2)
            if j < 0:
                raise GenError('%s:%d: unterminated identifier' % (fname, line_of(i)))
            code.append(src[i:j + 1])
            i = j + 1
            continue
        if c == '$':
            m = re.match(r'\$([A-Za-z_][A-Za-z0-9_]*)?\$', src[i:])
            if m and not (i > 0 and (src[i - 1].isalnum() or src[i - 1] == '_')):
                tag = m.group(0)
                j = src.find(tag, i + len(tag))
                if j < 0:
                    raise GenError('%s:%d: unterminated %s' % (fname, line_of(i), tag))
                code.append(src[i:j + len(tag)])
                i = j + len(tag)
                continue
        if c.isalpha() or c == '_':
            m = re.match(r'[A-Za-z_][A-Za-z0-9_$]*', src[i:])
            word = m.group(0).upper()
            # BEGIN ATOMIC ... END bodies: semicolons inside do not end the
            # statement (psql counts BEGIN / CASE / END the same way)
            if re.match(r'\s*CREATE\s+(OR\s+REPLACE\s+)?(FUNCTION|PROCEDURE)\b', ''.join(code), re.I):
                if word == 'BEGIN':
                    depth += 1
                elif word == 'CASE' and depth:
                    depth += 1
                elif word == 'END' and depth:
                    depth -= 1
            code.append(m.group(0))
            i += len(m.group(0))
            continue
        if c == ';' and depth == 0:
            text = src[start:i + 1]
            body = ' '.join(''.join(code).split())
            if body:
                stmts.append(Stmt(text.strip('\n') + '\n', body, '%s:%d' % (fname, code_line)))
            code = []
            code_line = None
            start = i + 1
            i += 1
            continue
        code.append(c)
        i += 1
    if ''.join(code).strip():
        raise GenError('%s: text after the last semicolon' % fname)
    return stmts


def split_top(s, sep=','):
    """Split s at top-level separators (outside parentheses and quotes)."""
    parts, depth, cur, i = [], 0, [], 0
    while i < len(s):
        c = s[i]
        if c in "'\"":
            j = i + 1
            while j < len(s):
                if s[j] == c:
                    if j + 1 < len(s) and s[j + 1] == c:
                        j += 2
                        continue
                    break
                j += 1
            cur.append(s[i:j + 1])
            i = j + 1
            continue
        if c == '$':
            m = re.match(r'\$([A-Za-z_][A-Za-z0-9_]*)?\$', s[i:])
            if m:
                j = s.find(m.group(0), i + len(m.group(0)))
                j = len(s) if j < 0 else j + len(m.group(0))
                cur.append(s[i:j])
                i = j
                continue
        if c in '([':
            depth += 1
        elif c in ')]':
            depth -= 1
        if c == sep and depth == 0:
            parts.append(''.join(cur))
            cur = []
        else:
            cur.append(c)
        i += 1
    parts.append(''.join(cur))
    return [p.strip() for p in parts]


def paren_end(s, i):
    """Index just after the parenthesis group that opens at s[i] == '('."""
    assert s[i] == '('
    depth = 0
    j = i
    while j < len(s):
        c = s[j]
        if c in "'\"":
            k = j + 1
            while k < len(s):
                if s[k] == c:
                    if k + 1 < len(s) and s[k + 1] == c:
                        k += 2
                        continue
                    break
                k += 1
            j = k + 1
            continue
        if c == '$':
            m = re.match(r'\$([A-Za-z_][A-Za-z0-9_]*)?\$', s[j:])
            if m:
                k = s.find(m.group(0), j + len(m.group(0)))
                j = len(s) if k < 0 else k + len(m.group(0))
                continue
        if c == '(':
            depth += 1
        elif c == ')':
            depth -= 1
            if depth == 0:
                return j + 1
        j += 1
    raise GenError('unbalanced parentheses in: %s' % s[:120])


# --------------------------------------------------------------------------
# names and types
# --------------------------------------------------------------------------

NAME = r'(?:@extschema@\.|[A-Za-z_][A-Za-z0-9_]*\.)?(?:[A-Za-z_][A-Za-z0-9_]*|"[^"]+")'

TYPE_ALIASES = {
    'float8': 'double precision', 'float': 'double precision',
    'float4': 'real', 'int': 'integer', 'int4': 'integer', 'int8': 'bigint',
    'int2': 'smallint', 'bool': 'boolean', 'varchar': 'character varying',
    'char': 'character', 'timestamptz': 'timestamp with time zone',
    'timestamp': 'timestamp without time zone', 'timetz': 'time with time zone',
    'decimal': 'numeric', 'varbit': 'bit varying',
}
MULTIWORD_TYPE_START = ('double', 'character', 'timestamp', 'time', 'bit', 'national')


def objname(name):
    """Schema-less, lower-case object name."""
    name = name.strip()
    name = re.sub(r'^@extschema@\.', '', name)
    name = re.sub(r'^[A-Za-z_][A-Za-z0-9_]*\.(?=[A-Za-z_"])', '', name)
    if name.startswith('"'):
        return name[1:-1]
    return name.lower()


def norm_type(t):
    """Canonical spelling of a type as a function argument (no typmod)."""
    t = ' '.join(t.split()).lower()
    t = t.replace('@extschema@.', '')
    t = re.sub(r'^pg_catalog\.', '', t)
    arr = ''
    m = re.search(r'((?:\s*\[\s*\d*\s*\])+)$', t)
    if m:
        arr = '[]' * m.group(1).count('[')
        t = t[:m.start()].strip()
    if t.endswith(' array'):
        arr += '[]'
        t = t[:-6].strip()
    t = re.sub(r'\s*\(.*\)\s*', ' ', t).strip()   # typmods
    t = re.sub(r'^[a-z_][a-z0-9_]*\.(?=[a-z_])', '', t)  # other schemas
    t = TYPE_ALIASES.get(t, t)
    return t + arr


def parse_args(argtext):
    """Arguments of CREATE FUNCTION / AGGREGATE: list of dicts with mode,
    name, type, has_default."""
    args = []
    if not argtext.strip() or argtext.strip() == '*':
        return args
    for a in split_top(argtext):
        m = re.search(r'\s(?:DEFAULT|=)\s', ' ' + a + ' ', re.I)
        has_default = bool(m)
        if m:
            a = (' ' + a)[:m.start()].strip()
        toks = a.split()
        mode = 'in'
        if toks and toks[0].lower() in ('in', 'out', 'inout', 'variadic'):
            mode = toks.pop(0).lower()
        name = None
        if len(toks) >= 2 and toks[0].lower() not in MULTIWORD_TYPE_START:
            name = toks.pop(0)
        elif (len(toks) >= 3 and toks[0].lower() in MULTIWORD_TYPE_START
              and toks[1].lower() in MULTIWORD_TYPE_START + ('precision', 'varying')):
            name = toks.pop(0)
        args.append({'mode': mode, 'name': name and objname(name),
                     'type': norm_type(' '.join(toks)), 'has_default': has_default})
    return args


def identity(name, args):
    ins = [a['type'] for a in args if a['mode'] in ('in', 'inout', 'variadic')]
    return '%s(%s)' % (name, ', '.join(ins))


def parse_signature(sig):
    """'name(type, type)' as written in the prologue -> identity."""
    m = re.match(r'\s*(' + NAME + r')\s*\((.*)\)\s*$', sig, re.S)
    if not m:
        raise GenError('cannot read routine signature %r' % sig)
    return identity(objname(m.group(1)), parse_args(m.group(2)))


# --------------------------------------------------------------------------
# classifying statements
# --------------------------------------------------------------------------

def classify(st):
    c = st.code
    m = re.match(r'CREATE\s+(OR\s+REPLACE\s+)?(FUNCTION|PROCEDURE|AGGREGATE)\s+(' + NAME + r')\s*\(', c, re.I)
    if m:
        st.kind = 'aggregate' if m.group(2).upper() == 'AGGREGATE' else 'function'
        st.name = objname(m.group(3))
        open_at = m.end() - 1
        close = paren_end(c, open_at)
        args = parse_args(c[open_at + 1:close - 1])
        st.info['args'] = args
        st.info['identity'] = identity(st.name, args)
        st.info['head_end'] = close
        rest = c[close:]
        if st.kind == 'function':
            r = re.match(r'\s*RETURNS\s+(.*?)\s+(?=LANGUAGE\b|AS\b|IMMUTABLE\b|STABLE\b|VOLATILE\b|STRICT\b|'
                         r'CALLED\b|PARALLEL\b|SET\b|SECURITY\b|LEAKPROOF\b|COST\b|ROWS\b|SUPPORT\b|WINDOW\b|'
                         r'TRANSFORM\b|RETURN\b|BEGIN\b|NOT\b|EXTERNAL\b)', rest, re.I | re.S)
            ret = r.group(1) if r else ''
            if re.match(r'TABLE\s*\(', ret, re.I):
                cols = parse_args(ret[ret.index('(') + 1:ret.rindex(')')])
                ret = 'table(%s)' % ', '.join('%s %s' % (a['name'], a['type']) for a in cols)
            else:
                setof = re.match(r'SETOF\s+', ret, re.I)
                ret = ('setof ' if setof else '') + norm_type(ret[setof.end():] if setof else ret)
            outs = [(a['name'], a['type']) for a in args if a['mode'] in ('out', 'inout')]
            if outs:
                ret = 'record(%s)%s' % (', '.join('%s %s' % o for o in outs), ret)
            st.info['returns'] = ret
        else:
            opts = {}
            ob = rest.strip()
            if ob.startswith('('):
                for o in split_top(ob[1:paren_end(ob, 0) - 1]):
                    k, _, v = o.partition('=')
                    opts[k.strip().lower()] = v.strip()
            st.info['opts'] = opts
        return
    m = re.match(r'CREATE\s+TYPE\s+(' + NAME + r')', c, re.I)
    if m:
        st.kind, st.name = 'type', objname(m.group(1))
        return
    m = re.match(r'CREATE\s+DOMAIN\s+(' + NAME + r')', c, re.I)
    if m:
        st.kind, st.name = 'type', objname(m.group(1))
        return
    m = re.match(r'CREATE\s+(?:UNLOGGED\s+)?TABLE\s+(' + NAME + r')\s*\(', c, re.I)
    if m:
        st.kind, st.name = 'table', objname(m.group(1))
        open_at = m.end() - 1
        cols, pk, uniques = [], None, []
        for part in split_top(c[open_at + 1:paren_end(c, open_at) - 1]):
            pm = re.match(r'(?:CONSTRAINT\s+\S+\s+)?PRIMARY\s+KEY\s*\((.*?)\)', part, re.I)
            if pm:
                pk = [objname(x) for x in pm.group(1).split(',')]
                continue
            um = re.match(r'(?:CONSTRAINT\s+\S+\s+)?UNIQUE\s+(?:NULLS\s+(?:NOT\s+)?DISTINCT\s+)?\((.*?)\)', part, re.I)
            if um:
                uniques.append([objname(x) for x in um.group(1).split(',')])
                continue
            if re.match(r'(CONSTRAINT|CHECK|UNIQUE|FOREIGN|EXCLUDE|LIKE)\b', part, re.I):
                continue
            toks = part.split()
            cname = objname(toks[0])
            ctype = ' '.join(toks[1:])
            tm = re.match(r'(.*?)(?:\s+(?:NOT|NULL|DEFAULT|CHECK|REFERENCES|PRIMARY|UNIQUE|CONSTRAINT|GENERATED|COLLATE)\b|$)',
                          ctype, re.I)
            generated = bool(re.search(r'\bGENERATED\b', ctype, re.I))
            cols.append((cname, tm.group(1).strip(), generated))
            if re.search(r'\bPRIMARY\s+KEY\b', ctype, re.I):
                pk = [cname]
        st.info['columns'] = cols
        # the key to upsert on: the primary key, else the first UNIQUE
        st.info['pk'] = pk or (uniques[0] if uniques else None)
        return
    m = re.match(r'CREATE\s+(OR\s+REPLACE\s+)?(?:MATERIALIZED\s+)?VIEW\s+(' + NAME + r')', c, re.I)
    if m:
        st.kind, st.name = 'view', objname(m.group(2))
        return
    m = re.match(r'CREATE\s+SEQUENCE\s+(' + NAME + r')', c, re.I)
    if m:
        st.kind, st.name = 'sequence', objname(m.group(1))
        return
    m = re.match(r'CREATE\s+(?:UNIQUE\s+)?INDEX\s+(?:CONCURRENTLY\s+)?(?!ON\b)(' + NAME + r')\s+ON\b', c, re.I)
    if m:
        st.kind, st.name = 'index', objname(m.group(1))
        return
    m = re.match(r'INSERT\s+INTO\s+(' + NAME + r')(?:\s+AS\s+\S+)?\s*', c, re.I)
    if m:
        st.kind, st.name = 'insert', objname(m.group(1))
        rest = c[m.end():]
        if not rest.startswith('('):
            raise GenError('%s: INSERT INTO %s without a column list' % (st.origin, st.name))
        close = paren_end(rest, 0)
        st.info['cols'] = [objname(x) for x in split_top(rest[1:close - 1])]
        st.info['query'] = rest[close:].strip().rstrip(';').strip()
        if re.search(r'\bON\s+CONFLICT\b', st.info['query'], re.I):
            raise GenError('%s: INSERT INTO %s already has ON CONFLICT' % (st.origin, st.name))
        return
    m = re.match(r'SELECT\s+(?:pg_catalog\.)?pg_extension_config_dump\s*\(\s*\'([^\']*)\'\s*,\s*\'((?:[^\']|\'\')*)\'\s*\)', c, re.I)
    if m:
        st.kind, st.name = 'config_dump', objname(m.group(1))
        st.info['filter'] = m.group(2).replace("''", "'")
        return
    word = c.split(None, 1)[0].upper()
    if word in ('COMMENT', 'GRANT', 'REVOKE', 'SELECT', 'DO', 'UPDATE', 'DELETE'):
        st.kind = 'as_is'
        return
    m = re.match(r'ALTER\s+(FUNCTION|AGGREGATE|ROUTINE|PROCEDURE)\b', c, re.I)
    if m:
        st.kind = 'as_is'
        return
    raise GenError('%s: the generator does not know how to re-run: %s ...\n'
                   '  (handle it in the prologue and extend tools/gen-upgrade.py)' % (st.origin, c[:100]))


def parse_script(path, text):
    stmts = split_sql(text, path)
    for st in stmts:
        classify(st)
    return stmts


def objects(stmts):
    """kind -> {key: [statements]} of a script (routines by identity)."""
    out = {'routine': {}, 'type': {}, 'table': {}, 'view': {}, 'sequence': {}, 'index': {}}
    for st in stmts:
        if st.kind in ('function', 'aggregate'):
            out['routine'].setdefault(st.info['identity'], []).append(st)
        elif st.kind in out:
            out[st.kind].setdefault(st.name, []).append(st)
    return out


def grants(stmts):
    """(privilege, object, role) of every GRANT of a script (REVOKEs of
    the same script taken off)."""
    out = set()
    for st in stmts:
        m = re.match(r'(GRANT|REVOKE)\s+(.*?)\s+ON\s+(?:(TABLE|SCHEMA|FUNCTION|ROUTINE|SEQUENCE|TYPE)\s+)?(.*?)\s+(TO|FROM)\s+(.*)$',
                     st.code.rstrip(';'), re.I | re.S)
        if not m:
            continue
        privs = [p.strip().lower() for p in split_top(m.group(2))]
        kind = (m.group(3) or 'table').lower()
        objs = [kind + ' ' + ' '.join(o.lower().split()).replace('@extschema@.', '') for o in split_top(m.group(4))]
        roles = [r.strip().lower() for r in split_top(re.sub(r'\s+(WITH\s+GRANT\s+OPTION|CASCADE|RESTRICT)\s*$', '', m.group(6), flags=re.I))]
        triples = set((p, o, r) for p in privs for o in objs for r in roles)
        if m.group(1).upper() == 'GRANT':
            out |= triples
        else:
            out -= triples
    return out


def code_of(sts):
    return '\n'.join(' '.join(s.code.lower().split()) for s in sts)


def aggregate_result(agg, routines):
    """Result type of an aggregate: its final function's, else its state type."""
    opts = agg.info['opts']
    final = opts.get('finalfunc')
    stype = norm_type(opts.get('stype', ''))
    if final:
        fname = objname(final)
        for ident, sts in routines.items():
            if ident.startswith(fname + '(') and sts[0].kind == 'function':
                return sts[0].info['returns']
        return 'final ' + fname
    return stype


def incompatibilities(old, new, old_objs, new_objs):
    """Routines with the same identity in both scripts that CREATE OR REPLACE
    cannot change into the new one: identity -> reason."""
    bad = {}
    for ident, nsts in new_objs['routine'].items():
        osts = old_objs['routine'].get(ident)
        if not osts:
            continue
        o, n = osts[0], nsts[0]
        reasons = []
        if o.kind != n.kind:
            reasons.append('%s becomes %s' % (o.kind, n.kind))
        elif o.kind == 'function':
            if o.info['returns'] != n.info['returns']:
                reasons.append('returns %s, was %s' % (n.info['returns'], o.info['returns']))
        else:
            ro = aggregate_result(o, old_objs['routine'])
            rn = aggregate_result(n, new_objs['routine'])
            if ro != rn:
                reasons.append('result %s, was %s' % (rn, ro))
        oin = [a for a in o.info['args'] if a['mode'] != 'out']
        nin = [a for a in n.info['args'] if a['mode'] != 'out']
        for a, b in zip(oin, nin):
            if a['name'] and a['name'] != b['name']:
                reasons.append('argument %s renamed %s' % (a['name'], b['name']))
        if sum(a['has_default'] for a in nin) < sum(a['has_default'] for a in oin):
            reasons.append('fewer argument defaults')
        if reasons:
            bad[ident] = '; '.join(reasons)
    return bad


# --------------------------------------------------------------------------
# generating
# --------------------------------------------------------------------------

def retire_helper(old):
    suffix = '_' + re.sub(r'[^0-9A-Za-z]', '_', old)
    return '''\
-- helper of this script, dropped at its end: retire a routine of %(old)s
-- that %(new)s no longer has (or has with an incompatible definition).  It
-- is dropped, unless objects outside the extension (views made by
-- create_accounts, for instance) depend on it: then it is detached from the
-- extension and renamed NAME%(suffix)s, and a WARNING says what to re-run
-- (an extension script runs with client_min_messages at least warning:
-- a NOTICE would never be seen).
CREATE FUNCTION %(helper)s(signature text, early boolean DEFAULT false) RETURNS void
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $retire$
DECLARE
	f regprocedure := pg_catalog.to_regprocedure(signature);
	ext oid := (SELECT x.oid FROM pg_catalog.pg_extension x WHERE x.extname = '%(ext)s');
	kind text;
	users text;
	newname text;
BEGIN
	IF f IS NULL THEN
		RETURN;
	END IF;
	SELECT CASE p.prokind WHEN 'a' THEN 'AGGREGATE' WHEN 'p' THEN 'PROCEDURE' ELSE 'FUNCTION' END
	INTO kind FROM pg_catalog.pg_proc p WHERE p.oid OPERATOR(pg_catalog.=) f;
	-- dependents that are not members of the extension (a view's rule
	-- counts as its view)
	SELECT pg_catalog.string_agg(DISTINCT pg_catalog.pg_describe_object(o.classid, o.objid, 0), ', ')
	INTO users
	FROM pg_catalog.pg_depend d
	LEFT JOIN pg_catalog.pg_rewrite r
		ON d.classid OPERATOR(pg_catalog.=) 'pg_catalog.pg_rewrite'::pg_catalog.regclass
		AND r.oid OPERATOR(pg_catalog.=) d.objid
	CROSS JOIN LATERAL (SELECT CASE WHEN r.oid IS NULL THEN d.classid ELSE 'pg_catalog.pg_class'::pg_catalog.regclass END AS classid,
							   COALESCE(r.ev_class, d.objid) AS objid) o
	WHERE d.refclassid OPERATOR(pg_catalog.=) 'pg_catalog.pg_proc'::pg_catalog.regclass
	  AND d.refobjid OPERATOR(pg_catalog.=) f
	  AND d.deptype OPERATOR(pg_catalog.=) 'n'
	  AND NOT EXISTS (SELECT FROM pg_catalog.pg_depend e
					  WHERE e.classid OPERATOR(pg_catalog.=) o.classid AND e.objid OPERATOR(pg_catalog.=) o.objid
						AND e.refobjid OPERATOR(pg_catalog.=) ext AND e.deptype OPERATOR(pg_catalog.=) 'e');
	-- early (before the new definitions): leave it while members of the
	-- extension (an aggregate the install script replaces) still use it
	IF early AND EXISTS (SELECT FROM pg_catalog.pg_depend d JOIN pg_catalog.pg_depend e
						 ON e.classid OPERATOR(pg_catalog.=) d.classid AND e.objid OPERATOR(pg_catalog.=) d.objid
						 WHERE d.refclassid OPERATOR(pg_catalog.=) 'pg_catalog.pg_proc'::pg_catalog.regclass
						   AND d.refobjid OPERATOR(pg_catalog.=) f AND d.deptype OPERATOR(pg_catalog.=) 'n'
						   AND e.refobjid OPERATOR(pg_catalog.=) ext AND e.deptype OPERATOR(pg_catalog.=) 'e') THEN
		RETURN;
	END IF;
	IF users IS NULL THEN
		EXECUTE pg_catalog.format('DROP %%s %%s', kind, f);
		RETURN;
	END IF;
	newname := (SELECT p.proname FROM pg_catalog.pg_proc p WHERE p.oid OPERATOR(pg_catalog.=) f) || '%(suffix)s';
	EXECUTE pg_catalog.format('ALTER EXTENSION %(ext)s DROP %%s %%s', kind, f);
	EXECUTE pg_catalog.format('ALTER %%s %%s RENAME TO %%I', kind, f, newname);
	RAISE WARNING '%(ext)s %(new)s: %%, which %% depend(s) on, is no longer part of the extension: it is now %%',
		signature, users, f::pg_catalog.text
		USING HINT = '%(hint)s, then DROP '
			|| kind || ' ' || f::pg_catalog.text || '.';
END
$retire$;
''' % {'old': old, 'new': NEW_VERSION[0], 'suffix': suffix, 'helper': HELPER, 'ext': EXT,
       'hint': ('Run ecocomp.create_accounts() again for every account schema (it replaces the views)' if EXT == 'ecocomp'
                else 'Re-create the objects that use it')}


NEW_VERSION = ['']


def upsert(st, table):
    cols = st.info['cols']
    pk = table.info['pk']
    if not pk:
        raise GenError('%s: table %s has no primary key to upsert on' % (st.origin, st.name))
    missing = [k for k in pk if k not in cols]
    if missing:
        raise GenError('%s: INSERT INTO %s does not give its key column(s) %s' % (st.origin, st.name, missing))
    sets = ['%s = EXCLUDED.%s' % (c, c) for c in cols if c not in pk]
    sets += ['%s = DEFAULT' % c for c, _, gen in table.info['columns'] if c not in cols and c not in pk and not gen]
    conflict = 'ON CONFLICT (%s) ' % ', '.join(pk)
    conflict += ('DO UPDATE SET ' + ', '.join(sets)) if sets else 'DO NOTHING'
    # re-emit from the original text: up to the end of the column list,
    # then the query (parenthesized unless it is VALUES), then ON CONFLICT
    text = st.text.rstrip()
    assert text.endswith(';')
    body = text[:-1].rstrip()
    q = st.info['query']
    m = re.match(r'(?is)(.*?INSERT\s+INTO\s+\S+\s*\(.*?\))(\s*)(.*)$', body)
    head, ws, tail = m.group(1), m.group(2), m.group(3)
    if not re.match(r'VALUES\b', q, re.I):
        tail = '(' + tail + '\n)'
    return '%s%s%s\n%s;\n' % (head, ws, tail, conflict)


def key_query(st, table):
    """SELECT of the key columns of the rows an INSERT statement gives."""
    pk = table.info['pk']
    types = {c: t for c, t, _ in table.info['columns']}
    body = st.text.rstrip()[:-1]
    m = re.match(r'(?is).*?INSERT\s+INTO\s+\S+\s*\(.*?\)\s*(.*)$', body)
    q = m.group(1).strip()
    cols = ', '.join(st.info['cols'])
    return 'SELECT %s FROM (%s\n) AS v(%s)' % (
        ', '.join('v.%s::%s' % (k, types[k]) for k in pk), q, cols)


def generate(root, old, new):
    NEW_VERSION[0] = new
    old_path = os.path.join('sql', 'released', '%s--%s.sql' % (EXT, old))
    parts = sorted(p for p in os.listdir(os.path.join(root, 'sql', 'install')) if p.endswith('.sql'))
    pre_path = os.path.join('sql', 'upgrade', '%s--%s-pre.sql' % (old, new))

    def read(rel):
        with open(os.path.join(root, rel), encoding='utf-8') as f:
            return f.read()

    old_text = read(old_path)
    new_texts = [(os.path.join('sql', 'install', p), read(os.path.join('sql', 'install', p))) for p in parts]
    pre_text = read(pre_path) if os.path.exists(os.path.join(root, pre_path)) else ''

    old_stmts = parse_script(old_path, old_text)
    new_stmts = []
    for rel, text in new_texts:
        new_stmts += parse_script(rel, text)
    old_objs, new_objs = objects(old_stmts), objects(new_stmts)

    # what the prologue takes care of
    pre_code = ' '.join(s.code for s in split_sql(pre_text, pre_path)) if pre_text else ''
    retired = set()
    for sig in re.findall(r"_upgrade_retire\s*\(\s*'((?:[^']|'')*)'", pre_code):
        retired.add(parse_signature(sig.replace("''", "'")))
    altered = set(objname(x) for x in re.findall(
        r'ALTER\s+(?:TABLE|TYPE|DOMAIN|SEQUENCE|INDEX)\s+(?:IF\s+EXISTS\s+)?(?:ONLY\s+)?(' + NAME + ')', pre_code, re.I))
    altered |= set(objname(x) for x in re.findall(
        r'DROP\s+(?:TABLE|TYPE|DOMAIN|SEQUENCE|INDEX)\s+(?:IF\s+EXISTS\s+)?(' + NAME + ')', pre_code, re.I))

    problems = []
    bad = incompatibilities(old, new, old_objs, new_objs)
    for ident in sorted(bad):
        if ident not in retired:
            problems.append('routine %s: %s; CREATE OR REPLACE cannot do that: retire it in %s with\n'
                            "    SELECT %s('@extschema@.%s');" % (ident, bad[ident], pre_path, HELPER, ident))
    for kind in ('table', 'type', 'sequence', 'index'):
        for name in sorted(set(old_objs[kind]) & set(new_objs[kind])):
            if code_of(old_objs[kind][name]) != code_of(new_objs[kind][name]) and name not in altered:
                problems.append('%s %s: its definition changed; ALTER (or drop) it in %s to the new one'
                                % (kind, name, pre_path))
    revoked = ' '.join(re.findall(r'REVOKE\s.*?(?:;|$)', pre_code, re.I | re.S)).lower().replace('@extschema@.', '')
    for priv, obj, role in sorted(grants(old_stmts) - grants(new_stmts)):
        name = obj.split(' ', 1)[1]
        gone_obj = (obj.startswith('table ') and name not in new_objs['table']) or \
                   (obj.startswith(('function ', 'routine ')) and name.split('(')[0] not in
                    set(i.split('(')[0] for i in new_objs['routine']))
        if not gone_obj and name not in revoked:
            problems.append('%s grants %s on %s to %s and %s does not: REVOKE it in %s'
                            % (old_path, priv, obj, role, new, pre_path))
    for ident in sorted(retired):
        if ident not in old_objs['routine']:
            problems.append('%s retires %s, which %s does not have' % (pre_path, ident, old_path))
    if problems:
        raise GenError('cannot generate the upgrade script:\n  ' + '\n  '.join(problems))

    tables = {name: sts[0] for name, sts in new_objs['table'].items()}
    old_tables = {name: sts[0] for name, sts in old_objs['table'].items()}
    filters = {st.name: st.info['filter'] for st in old_stmts + new_stmts if st.kind == 'config_dump'}
    new_filters = {st.name: st.info['filter'] for st in new_stmts if st.kind == 'config_dump'}
    filters.update(new_filters)

    out = []
    w = out.append
    w('-- GENERATED FILE, do not edit: upgrade of %s from %s to %s.\n' % (EXT, old, new))
    w('-- Made by tools/gen-upgrade.py (`make upgrade-script`) from\n')
    # names only: what matters of each input is in the output itself (the
    # new script and the prologue verbatim, the old one's object names), so
    # an edit of a comment of the frozen old script changes nothing here
    for rel in [old_path] + ([pre_path] if pre_text else []) + [r for r, _ in new_texts]:
        w('--   %s\n' % rel)
    w('-- (a) the prologue %s, (b) the %s install script made re-runnable,\n' % (pre_path, new))
    w('-- (c) what %s has and %s has not, retired or dropped.\n' % (old, new))
    w('\\echo Use "ALTER EXTENSION %s UPDATE TO \'%s\'" to load this file. \\quit\n\n' % (EXT, new))
    w(retire_helper(old))

    w('\n' + '-' * 78 + '\n-- (a) prologue: %s\n' % pre_path + '-' * 78 + '\n\n')
    if pre_text:
        w(pre_text.rstrip('\n') + '\n')

    gone = [i for i in old_objs['routine'] if i not in new_objs['routine']]
    # aggregates before the functions they use
    gone.sort(key=lambda i: (old_objs['routine'][i][0].kind != 'aggregate', i))

    def retire_calls(early):
        for ident in gone:
            name, _, args = ident.partition('(')
            w("SELECT %s('@extschema@.%s(%s'%s);\n" % (HELPER, name, args, ', early => true' if early else ''))

    w('\n-- routines of %s that %s does not have, retired before the new definitions\n'
      '-- (so that no call in them can be ambiguous between an old and a new\n'
      '-- signature) unless members of the extension still use them; (c) retires\n'
      '-- those\n' % (old, new))
    retire_calls(True)

    w('\n' + '-' * 78 + '\n-- (b) the %s install script, re-runnable over %s\n' % (new, old) + '-' * 78 + '\n')
    # the statement after which each reference table's obsolete built-in
    # rows are deleted: its last INSERT (so that an INSERT ... SELECT from
    # it further down sees what a fresh install has), else the end of (b)
    last_insert = {}
    for idx, st in enumerate(new_stmts):
        if st.kind == 'insert':
            if st.name not in tables:
                raise GenError('%s: INSERT INTO %s, a table the %s script does not create' % (st.origin, st.name, new))
            last_insert[st.name] = idx
    inserted = {}      # table -> [insert statements], in order

    def delete_obsolete(t):
        """DELETE of the built-in rows of t that NEW does not insert."""
        flt = filters.get(t)
        if flt is not None and not flt.strip():
            return ''           # every row is the user's
        pred = 'true'           # not registered for pg_dump: every row is built in
        if flt:
            pred = 'NOT (%s)' % re.sub(r'(?i)^\s*WHERE\s+', '', flt)
        table = tables[t]
        head = '-- built-in rows of %s that %s does not ship (user rows, those pg_dump dumps, stay)\n' % (t, new)
        if t not in inserted:
            return head + 'DELETE FROM @extschema@.%s AS t WHERE %s;\n' % (t, pred)
        match = ' AND '.join('k.%s IS NOT DISTINCT FROM t.%s' % (c, c) for c in table.info['pk'])
        union = '\n\tUNION ALL '.join(key_query(st, table) for st in inserted[t])
        return head + ('DELETE FROM @extschema@.%s AS t\nWHERE %s\n  AND NOT EXISTS (SELECT FROM (\n\t%s) AS k(%s)\n\tWHERE %s);\n'
                       % (t, pred, union, ', '.join(table.info['pk']), match))

    current = None
    for idx, st in enumerate(new_stmts):
        f = st.origin.rsplit(':', 1)[0]
        if f != current:
            current = f
            w('\n-- ' + '=' * 20 + ' %s ' % f + '=' * 20 + '\n')
        text = st.text
        if st.kind == 'function' or st.kind == 'aggregate':
            text = re.sub(r'(?i)\bCREATE\s+(?:OR\s+REPLACE\s+)?(FUNCTION|PROCEDURE|AGGREGATE)\b',
                          lambda m: 'CREATE OR REPLACE ' + m.group(1).upper(), text, count=1)
        elif st.kind == 'view':
            text = re.sub(r'(?i)\bCREATE\s+(?:OR\s+REPLACE\s+)?VIEW\b', 'CREATE OR REPLACE VIEW', text, count=1)
        elif st.kind in ('table', 'type', 'sequence', 'index'):
            if st.name in old_objs[st.kind]:
                text = '-- %s %s: in %s already\n' % (st.kind, st.name, old)
        elif st.kind == 'insert':
            inserted.setdefault(st.name, []).append(st)
            text = upsert(st, tables[st.name])
            if last_insert[st.name] == idx:
                text += delete_obsolete(st.name)
        w(text)

    # tables with built-in rows in OLD and none in NEW
    old_inserted = [t for t in tables if t in set(st.name for st in old_stmts if st.kind == 'insert')
                    and t not in inserted]
    if old_inserted:
        w('\n')
    for t in sorted(old_inserted):
        w(delete_obsolete(t))

    w('\n' + '-' * 78 + '\n-- (c) in %s, not in %s\n' % (old, new) + '-' * 78 + '\n')
    retire_calls(False)
    for name in sorted(set(old_objs['view']) - set(new_objs['view'])):
        w('DROP VIEW @extschema@.%s;\n' % name)
    for name in sorted(set(old_tables) - set(tables)):
        w('DROP TABLE @extschema@.%s;\n' % name)
    for name in sorted(set(old_objs['sequence']) - set(new_objs['sequence'])):
        w('DROP SEQUENCE IF EXISTS @extschema@.%s;\n' % name)
    for name in sorted(set(old_objs['type']) - set(new_objs['type'])):
        w('DROP TYPE @extschema@.%s;\n' % name)
    w('\nDROP FUNCTION %s(text, boolean);\n' % HELPER)
    return ''.join(out), os.path.join('sql', '%s--%s--%s.sql' % (EXT, old, new))


def main():
    global EXT
    ap = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    ap.add_argument('old')
    ap.add_argument('new')
    ap.add_argument('--output', help='file to write, - for stdout (default sql/EXT--OLD--NEW.sql under the root)')
    ap.add_argument('--ext', default=EXT, help='extension name (default %(default)s)')
    ap.add_argument('--root', help='directory holding sql/ (default: the repository of this script)')
    a = ap.parse_args()
    EXT = a.ext
    root = os.path.abspath(a.root) if a.root else os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    try:
        text, default_out = generate(root, a.old, a.new)
    except GenError as e:
        print('gen-upgrade: %s' % e, file=sys.stderr)
        return 1
    dest = a.output or os.path.join(root, default_out)
    if dest == '-':
        sys.stdout.write(text)
    else:
        with open(dest, 'w', encoding='utf-8') as f:
            f.write(text)
        print('gen-upgrade: wrote %s (%d lines)' % (dest if a.output or a.root else os.path.relpath(dest, root),
                                                    text.count('\n')))
    return 0


if __name__ == '__main__':
    sys.exit(main())
