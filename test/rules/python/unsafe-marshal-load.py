import marshal

# expect: unsafe-marshal-load
code = marshal.loads(blob)
# expect: unsafe-marshal-load
code = marshal.load(open("fn.bin", "rb"))
# ok: unsafe-marshal-load
blob = marshal.dumps(fn.__code__)
