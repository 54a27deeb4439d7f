import json,sys,ast
for l in open(sys.argv[1]):
    d=json.loads(l)
    if len(sys.argv)>2 and sys.argv[2] not in l: continue
    print("==",d["kind"],d["case"] and d["case"][1])
    h=ast.literal_eval(d["helm"]); c=ast.literal_eval(d["hc"])
    if isinstance(h,bytes):
        import difflib
        for x in difflib.unified_diff(h.decode('utf-8','replace').splitlines(),c.decode('utf-8','replace').splitlines(),lineterm='',n=1): print(repr(x))
    else: print("H",h); print("C",c)
