import mlflow
import mlflow.pyfunc

# expect: mlflow-remote-model-load
model = mlflow.pyfunc.load_model("s3://models-bucket/fraud/model")
# expect: mlflow-remote-model-load
prod = mlflow.sklearn.load_model("models:/fraud/Production")
# expect: mlflow-remote-model-load
champion = mlflow.pyfunc.load_model("models:/fraud@champion")
# ok: mlflow-remote-model-load
pinned = mlflow.pyfunc.load_model("models:/fraud/7")
# ok: mlflow-remote-model-load
run = mlflow.pyfunc.load_model("runs:/0123456789abcdef/model")
# ok: mlflow-remote-model-load
local = mlflow.pyfunc.load_model("./mlruns/model")
# ok: mlflow-remote-model-load
dyn = mlflow.pyfunc.load_model(uri)
# expect: mlflow-remote-model-load
built = mlflow.pyfunc.load_model(f"s3://{bucket}/models/{name}")
# expect: mlflow-remote-model-load
joined = mlflow.pytorch.load_model("gs://ml-artifacts/" + run_id + "/model")
# ok: mlflow-remote-model-load
local_f = mlflow.pyfunc.load_model(f"{workdir}/model")
# ok: mlflow-remote-model-load
runs_f = mlflow.pyfunc.load_model(f"runs:/{run_id}/model")
