package io.openvni.southbound.frr.grpc;

import com.google.protobuf.Message;
import io.grpc.MethodDescriptor;
import io.grpc.MethodDescriptor.MethodType;
import io.grpc.protobuf.ProtoUtils;
import io.openvni.southbound.frr.grpc.proto.CommitRequest;
import io.openvni.southbound.frr.grpc.proto.CommitResponse;
import io.openvni.southbound.frr.grpc.proto.CreateCandidateRequest;
import io.openvni.southbound.frr.grpc.proto.CreateCandidateResponse;
import io.openvni.southbound.frr.grpc.proto.DeleteCandidateRequest;
import io.openvni.southbound.frr.grpc.proto.DeleteCandidateResponse;
import io.openvni.southbound.frr.grpc.proto.EditCandidateRequest;
import io.openvni.southbound.frr.grpc.proto.EditCandidateResponse;
import io.openvni.southbound.frr.grpc.proto.ExecuteRequest;
import io.openvni.southbound.frr.grpc.proto.ExecuteResponse;
import io.openvni.southbound.frr.grpc.proto.GetCapabilitiesRequest;
import io.openvni.southbound.frr.grpc.proto.GetCapabilitiesResponse;
import io.openvni.southbound.frr.grpc.proto.GetRequest;
import io.openvni.southbound.frr.grpc.proto.GetResponse;
import io.openvni.southbound.frr.grpc.proto.GetTransactionRequest;
import io.openvni.southbound.frr.grpc.proto.GetTransactionResponse;
import io.openvni.southbound.frr.grpc.proto.ListTransactionsRequest;
import io.openvni.southbound.frr.grpc.proto.ListTransactionsResponse;
import io.openvni.southbound.frr.grpc.proto.LoadToCandidateRequest;
import io.openvni.southbound.frr.grpc.proto.LoadToCandidateResponse;
import io.openvni.southbound.frr.grpc.proto.LockConfigRequest;
import io.openvni.southbound.frr.grpc.proto.LockConfigResponse;
import io.openvni.southbound.frr.grpc.proto.UnlockConfigRequest;
import io.openvni.southbound.frr.grpc.proto.UnlockConfigResponse;
import io.openvni.southbound.frr.grpc.proto.UpdateCandidateRequest;
import io.openvni.southbound.frr.grpc.proto.UpdateCandidateResponse;

/**
 * The method descriptors of {@code frr.Northbound}. Written by hand rather than generated because the
 * protoc-gen-grpc-java native plugin is not available to our builds; the messages themselves are generated from
 * {@code frr-northbound.proto}. A descriptor is just the method path, the call type and the two marshallers.
 */
final class FrrNorthboundGrpc {
    static final String SERVICE = "frr.Northbound";

    static final MethodDescriptor<GetCapabilitiesRequest, GetCapabilitiesResponse> GET_CAPABILITIES =
        unary("GetCapabilities", GetCapabilitiesRequest.getDefaultInstance(),
            GetCapabilitiesResponse.getDefaultInstance());
    static final MethodDescriptor<GetRequest, GetResponse> GET =
        method(MethodType.SERVER_STREAMING, "Get", GetRequest.getDefaultInstance(), GetResponse.getDefaultInstance());
    static final MethodDescriptor<CreateCandidateRequest, CreateCandidateResponse> CREATE_CANDIDATE =
        unary("CreateCandidate", CreateCandidateRequest.getDefaultInstance(),
            CreateCandidateResponse.getDefaultInstance());
    static final MethodDescriptor<DeleteCandidateRequest, DeleteCandidateResponse> DELETE_CANDIDATE =
        unary("DeleteCandidate", DeleteCandidateRequest.getDefaultInstance(),
            DeleteCandidateResponse.getDefaultInstance());
    static final MethodDescriptor<UpdateCandidateRequest, UpdateCandidateResponse> UPDATE_CANDIDATE =
        unary("UpdateCandidate", UpdateCandidateRequest.getDefaultInstance(),
            UpdateCandidateResponse.getDefaultInstance());
    static final MethodDescriptor<EditCandidateRequest, EditCandidateResponse> EDIT_CANDIDATE =
        unary("EditCandidate", EditCandidateRequest.getDefaultInstance(), EditCandidateResponse.getDefaultInstance());
    static final MethodDescriptor<LoadToCandidateRequest, LoadToCandidateResponse> LOAD_TO_CANDIDATE =
        unary("LoadToCandidate", LoadToCandidateRequest.getDefaultInstance(),
            LoadToCandidateResponse.getDefaultInstance());
    static final MethodDescriptor<CommitRequest, CommitResponse> COMMIT =
        unary("Commit", CommitRequest.getDefaultInstance(), CommitResponse.getDefaultInstance());
    static final MethodDescriptor<ListTransactionsRequest, ListTransactionsResponse> LIST_TRANSACTIONS =
        method(MethodType.SERVER_STREAMING, "ListTransactions", ListTransactionsRequest.getDefaultInstance(),
            ListTransactionsResponse.getDefaultInstance());
    static final MethodDescriptor<GetTransactionRequest, GetTransactionResponse> GET_TRANSACTION =
        unary("GetTransaction", GetTransactionRequest.getDefaultInstance(),
            GetTransactionResponse.getDefaultInstance());
    static final MethodDescriptor<LockConfigRequest, LockConfigResponse> LOCK_CONFIG =
        unary("LockConfig", LockConfigRequest.getDefaultInstance(), LockConfigResponse.getDefaultInstance());
    static final MethodDescriptor<UnlockConfigRequest, UnlockConfigResponse> UNLOCK_CONFIG =
        unary("UnlockConfig", UnlockConfigRequest.getDefaultInstance(), UnlockConfigResponse.getDefaultInstance());
    static final MethodDescriptor<ExecuteRequest, ExecuteResponse> EXECUTE =
        unary("Execute", ExecuteRequest.getDefaultInstance(), ExecuteResponse.getDefaultInstance());

    private FrrNorthboundGrpc() {
    }

    private static <Q extends Message, R extends Message> MethodDescriptor<Q, R> unary(final String name,
            final Q request, final R response) {
        return method(MethodType.UNARY, name, request, response);
    }

    private static <Q extends Message, R extends Message> MethodDescriptor<Q, R> method(final MethodType type,
            final String name, final Q request, final R response) {
        return MethodDescriptor.<Q, R>newBuilder()
            .setType(type)
            .setFullMethodName(MethodDescriptor.generateFullMethodName(SERVICE, name))
            .setRequestMarshaller(ProtoUtils.marshaller(request))
            .setResponseMarshaller(ProtoUtils.marshaller(response))
            .build();
    }
}
