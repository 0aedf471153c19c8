import tensorflow as tf
from tensorflow import keras
from keras.models import load_model

# expect: keras-h5-load-model
model = tf.keras.models.load_model("weights/fraud_model.h5")
# expect: keras-h5-load-model
model = keras.models.load_model(filepath="legacy.hdf5", compile=False)
# expect: keras-h5-load-model
model = load_model("checkpoints/best.H5")
# ok: keras-h5-load-model
model = keras.models.load_model("weights/fraud_model.keras")
# ok: keras-h5-load-model
model = keras.models.load_model(model_path)
# ok: keras-h5-load-model
model.save("weights/fraud_model.h5")
