import joblib
from joblib import load as jl
from sklearn.externals import joblib as skjoblib

# expect: unsafe-joblib-load
model = joblib.load("models/classifier.joblib")
# expect: unsafe-joblib-load
scaler = jl(os.path.join(MODEL_DIR, "scaler.pkl"))
# expect: unsafe-joblib-load
legacy = skjoblib.load("old_model.pkl")
# ok: unsafe-joblib-load
joblib.dump(model, "models/classifier.joblib")
# ok: unsafe-joblib-load
with joblib.parallel_backend("threading"):
    pass
# ok: unsafe-joblib-load
results = joblib.Parallel(n_jobs=2)(joblib.delayed(f)(x) for x in xs)
